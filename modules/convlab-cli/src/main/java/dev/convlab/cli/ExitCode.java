package dev.convlab.cli;

/** The process exit codes, as documented in the README. */
public final class ExitCode {
    public static final int OK = 0;
    /** Something failed while running (an I/O error mid-training, a bug). */
    public static final int FAILURE = 1;
    /** Bad input: config, path, image or model file. */
    public static final int BAD_INPUT = 2;
    /** Interrupted (Ctrl-C) or diverged (NaN loss). */
    public static final int STOPPED = 3;

    private ExitCode() {
    }
}
