package dev.convlab.train;

import dev.convlab.model.MemoryEstimate;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Training ran out of memory: the heap, or native memory (ND4J's allocations, JavaCPP's limits). Carries the one line
 * a person needs: the batch size, convlab's estimate for it, the limits in force and what to change. Exit code 1.
 */
public final class OutOfMemory extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Messages ND4J, libnd4j and JavaCPP use for a failed allocation, in exceptions that are not OutOfMemoryError. */
    private static final String[] ALLOCATION_FAILURES = {"allocation failed", "cannot allocate", "failed to allocate",
        "bad_alloc", "physical memory usage is too high", "exceeds host", "out of memory"};

    private OutOfMemory(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether a failure, or anything in its cause chain, is running out of memory. */
    public static boolean isOutOfMemory(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError || t instanceof OutOfMemory) {
                return true;
            }
            String message = t.getMessage();
            if (message != null) {
                String m = message.toLowerCase(Locale.ROOT);
                for (String sign : ALLOCATION_FAILURES) {
                    if (m.contains(sign)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * @param estimates the estimate for any batch size, to find the largest that fits the limits
     * @param runDir    where the run's files are (DL4J's memory crash dump lands there too), or null
     */
    public static OutOfMemory of(Throwable failure, int batchSize, IntFunction<MemoryEstimate> estimates,
                                 MemoryLimits limits, String runDir) {
        MemoryEstimate estimate = estimates.apply(batchSize);
        StringBuilder line = new StringBuilder("training at batch size ").append(batchSize)
                .append(" needs about ").append(MemoryEstimate.readable(estimate.totalBytes()))
                .append(" by convlab's estimate (convlab check shows it); limits in force: ").append(limits.describe())
                .append(". Lower data.batch_size");
        int fits = largestFitting(batchSize, estimates, limits.processCeiling());
        if (fits > 0) {
            line.append(" (the estimate fits ").append(fits).append(" under ")
                    .append(MemoryEstimate.readable(limits.processCeiling())).append(')');
        }
        line.append(", or raise CONVLAB_OFFHEAP / CONVLAB_HEAP (scripts/convlab sets maxphysicalbytes from them)");
        if (runDir != null) {
            line.append("; run: ").append(runDir);
        }
        line.append(" [").append(cause(failure)).append(']');
        return new OutOfMemory(line.toString(), failure);
    }

    /** The largest batch size below {@code batchSize} whose estimate fits {@code ceiling}, or 0. */
    static int largestFitting(int batchSize, IntFunction<MemoryEstimate> estimates, long ceiling) {
        if (ceiling <= 0 || batchSize <= 1 || estimates.apply(1).totalBytes() > ceiling) {
            return 0;
        }
        int low = 1;
        int high = batchSize - 1;
        while (low < high) {
            int mid = low + (high - low + 1) / 2;
            if (estimates.apply(mid).totalBytes() <= ceiling) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private static String cause(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError || t.getMessage() != null) {
                deepest = t;
            }
        }
        String message = deepest.getMessage() == null ? "" : ": " + deepest.getMessage().strip().replace('\n', ' ');
        return deepest.getClass().getSimpleName() + message;
    }
}
