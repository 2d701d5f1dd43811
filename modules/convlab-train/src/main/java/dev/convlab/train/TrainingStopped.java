package dev.convlab.train;

/** Training stopped before its end: interrupted by a signal or diverged (NaN or infinite loss). Exit code 3. */
public final class TrainingStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String status;

    public TrainingStopped(String message, String status) {
        super(message);
        this.status = status;
    }

    /** The run manifest's status for it: diverged or interrupted. */
    public String status() {
        return status;
    }
}
