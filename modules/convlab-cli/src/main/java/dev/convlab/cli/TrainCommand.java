package dev.convlab.cli;

import dev.convlab.config.BadInput;
import dev.convlab.config.yaml.LoadedConfig;
import dev.convlab.train.Progress;
import dev.convlab.train.TrainRun;
import dev.convlab.ui.TrainingUi;
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
    @Option(names = "--ui",
            description = "serve DL4J's training UI while training (on 127.0.0.1 only, unless --ui-host)")
    boolean ui;
    @Option(names = "--ui-port", paramLabel = "PORT",
            description = "with --ui: the UI's port (default: 9000; 0: any free port)")
    Integer uiPort;
    @Option(names = "--ui-host", paramLabel = "HOST",
            description = "with --ui: the address to listen on (default: 127.0.0.1; 0.0.0.0: every interface)")
    String uiHost;
    @Option(names = "--stats", paramLabel = "FILE",
            description = "save DL4J's training stats to FILE (FileStatsStorage), to view in DL4J's UI later")
    Path stats;
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
        try (TrainingUi training = TrainingUi.open(uiAddress(), stats)) {
            training.lines().forEach(spec.commandLine().getOut()::println);
            TrainRun.Result result = run.listeners(training.listeners()).run();
            return result.test() != null ? ExitCode.OK : ExitCode.FAILURE;
        }
    }

    private TrainingUi.Address uiAddress() {
        if (!ui) {
            if (uiPort != null || uiHost != null) {
                throw new BadInput(uiPort != null ? "--ui-port" : "--ui-host", "only means something with --ui",
                        "add --ui");
            }
            return null;
        }
        int port = uiPort != null ? uiPort : TrainingUi.Address.DEFAULT_PORT;
        if (port < 0 || port > 65535) {
            throw new BadInput("--ui-port", port + " is not a TCP port", "use 1 to 65535 (or 0 for any free port)");
        }
        return new TrainingUi.Address(uiHost != null ? uiHost : TrainingUi.Address.DEFAULT_HOST, port);
    }
}
