package dev.convlab.cli;

import dev.convlab.train.Progress;
import dev.convlab.train.TrainRun;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "train", description = "Train the network a config describes; writes a run directory.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "CONFIG", description = "the YAML config")
    Path config;
    @Mixin
    ConfigOptions options;
    @Mixin
    ThreadsOption threads;
    @Mixin
    Common common;

    @Override
    public Integer call() {
        threads.apply(spec.commandLine());
        TrainRun.Result result = new TrainRun(options.load(config), spec.commandLine().getOut(), Progress.isTerminal())
                .run();
        return result.test() != null ? ExitCode.OK : ExitCode.FAILURE;
    }
}
