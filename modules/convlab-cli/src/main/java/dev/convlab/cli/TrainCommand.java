package dev.convlab.cli;

import dev.convlab.config.BadInput;
import dev.convlab.config.yaml.LoadedConfig;
import dev.convlab.train.Progress;
import dev.convlab.train.TrainRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "train", description = {"Train the network a config describes; writes a run directory.",
        "With --resume RUN_DIR, continue an interrupted run from its newest intact checkpoint."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "CONFIG", arity = "0..1",
            description = "the YAML config (with --resume: leave it out to use the run's own config.yaml)")
    Path config;
    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "continue this run directory from its newest intact checkpoint")
    Path resume;
    @Option(names = "--force", description = "with --resume: continue even though the config has changed")
    boolean force;
    @Mixin
    ConfigOptions options;
    @Mixin
    ThreadsOption threads;
    @Mixin
    Common common;

    @Override
    public Integer call() {
        threads.apply(spec.commandLine());
        boolean terminal = Progress.isTerminal();
        TrainRun run;
        if (resume != null) {
            Path own = resume.resolve("config.yaml");
            if (config == null && !Files.isRegularFile(own)) {
                throw new BadInput(resume.toString(), Files.isDirectory(resume) ? "has no config.yaml: it is not a"
                        + " convlab run directory" : "no such run directory", "give a folder runs/<name>-<time>");
            }
            LoadedConfig loaded = options.load(config != null ? config : own);
            run = TrainRun.resume(resume, loaded, force, spec.commandLine().getOut(), terminal);
        } else {
            if (config == null) {
                throw new BadInput("train", "needs a CONFIG file, or --resume RUN_DIR",
                        "e.g. convlab train configs/fashion-cnn.yaml");
            }
            if (force) {
                throw new BadInput("--force", "only means something with --resume", "leave it out");
            }
            run = new TrainRun(options.load(config), spec.commandLine().getOut(), terminal);
        }
        TrainRun.Result result = run.run();
        return result.test() != null ? ExitCode.OK : ExitCode.FAILURE;
    }
}
