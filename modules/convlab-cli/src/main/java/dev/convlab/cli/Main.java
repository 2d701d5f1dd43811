package dev.convlab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The convlab command line. Nothing else calls System.exit. */
@Command(name = "convlab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Train convolutional networks on Deeplearning4j from a YAML file.",
        subcommands = {TrainCommand.class, CheckCommand.class, EvaluateCommand.class, PredictCommand.class,
                DoctorCommand.class, DataCommand.class, AugmentCommand.class, ReportCommand.class, SweepCommand.class, VisualizeCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 failure while running, 2 bad input (config, path, image, model file),",
                "3 interrupted or diverged."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command in-process: what main and the tests call. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        Errors errors = new Errors();
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler(errors);
        cmd.setParameterExceptionHandler(errors);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        return cmd;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
