package dev.convlab.train;

/** Training stopped before its end: interrupted by a signal or diverged (NaN or infinite loss). Exit code 3. */
public final class TrainingStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingStopped(String message) {
        super(message);
    }
}
