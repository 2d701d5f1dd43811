package dev.convlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code convlab data ...}: tools for datasets; today {@code export}. */
@Command(name = "data", description = "Dataset tools: export a built-in dataset as an image folder.",
        subcommands = {DataExportCommand.class})
final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
