package dev.convlab.cli;

import dev.convlab.train.RunReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", description = {
        "Rebuild a run directory's report: report.html, curves.png, confusion.png, misclassified.png.",
        "A run without model.zip (interrupted, diverged) still gets its curves and page."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "RUN_DIR", description = "a run directory written by convlab train")
    Path runDir;
    @Mixin
    Common common;

    @Override
    public Integer call() {
        RunReport.rebuild(runDir, spec.commandLine().getOut());
        return ExitCode.OK;
    }
}
