package dev.convlab.cli;

import dev.convlab.config.BadInput;
import dev.convlab.train.OutOfMemory;
import dev.convlab.train.TrainingStopped;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns exceptions into one line and an exit code: bad input → 2, a stopped run → 3, out of memory and anything
 * else → 1. The stack trace is printed only with --verbose.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = parseResult.hasMatchedOption("--verbose") || isVerbose(parseResult);
        int code;
        if (e instanceof BadInput bad) {
            err.println("error: " + bad.oneLine());
            code = ExitCode.BAD_INPUT;
        } else if (e instanceof OutOfMemory oom) {
            err.println("out of memory: " + oom.getMessage());
            code = ExitCode.FAILURE;
        } else if (e instanceof TrainingStopped stopped) {
            err.println("stopped: " + stopped.getMessage());
            code = ExitCode.STOPPED;
        } else {
            err.println("failed: " + describe(e) + (verbose ? "" : " (run with --verbose for the stack trace)"));
            code = ExitCode.FAILURE;
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + ex.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println("see: " + cmd.getCommandSpec().qualifiedName() + " --help");
        }
        err.flush();
        return ExitCode.BAD_INPUT;
    }

    private static boolean isVerbose(CommandLine.ParseResult result) {
        for (CommandLine.ParseResult sub = result; sub != null; sub = sub.subcommand()) {
            if (sub.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return root == e ? message : message + " [" + root.getClass().getSimpleName() + "]";
    }
}
