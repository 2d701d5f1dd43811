package dev.convlab.bench.data;

import java.util.function.Supplier;

/**
 * Adds up the time the training loop is blocked asking the (prefetching) iterator for the next batch. With
 * AsyncDataSetIterator both hasNext() and next() can block: hasNext() waits for the next element to know whether
 * there is one. The first wait of an epoch (filling the pipeline) is kept apart as well.
 */
public final class WaitClock {
    private long totalNanos;
    private long firstNanos = -1;

    public <T> T time(Supplier<T> call) {
        long t0 = System.nanoTime();
        T value = call.get();
        long waited = System.nanoTime() - t0;
        totalNanos += waited;
        return value;
    }

    /** Call after the first batch has been received, to remember how long the pipeline took to fill. */
    public void markFirstBatch() {
        if (firstNanos < 0) {
            firstNanos = totalNanos;
        }
    }

    public double seconds() {
        return totalNanos / 1e9;
    }

    public double firstBatchSeconds() {
        return Math.max(firstNanos, 0) / 1e9;
    }
}
