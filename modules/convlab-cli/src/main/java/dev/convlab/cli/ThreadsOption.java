package dev.convlab.cli;

import dev.convlab.backend.BackendSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --threads N} for the verbs that start ND4J. It sets {@code convlab.threads}, which Backends.init reads, so
 * it must be applied before anything starts ND4J; without it ND4J's default stands (OMP_NUM_THREADS, else one thread
 * per physical core of a socket).
 */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N",
            description = "threads for ND4J, OpenMP and BLAS (default: OMP_NUM_THREADS, else all physical cores)")
    Integer threads;

    /** Sets the thread count for Backends.init; a count below 1 is bad input (exit 2). */
    void apply(CommandLine commandLine) {
        if (threads == null) {
            return;
        }
        if (threads < 1) {
            throw new CommandLine.ParameterException(commandLine,
                    "--threads: " + threads + " is not a thread count (use a whole number of at least 1)");
        }
        System.setProperty(BackendSettings.THREADS_PROPERTY, Integer.toString(threads));
    }
}
