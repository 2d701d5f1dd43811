package dev.convlab.backend;

/**
 * The choice between two kernels (oneDNN's and libnd4j's) for one input shape of one layer, made from the times of
 * the layer's own calls: while a trial runs, calls alternate between the kernels and each records its time; once
 * both have {@link #SAMPLES} times, the kernel with the shorter best time is kept. A second trial runs once,
 * {@link #RECHECK_NANOS} after the first decision, and its decision is final.
 *
 * <p>Why twice: the first trial runs in a process's first batches, while the JVM's JIT compiler takes most of a
 * core. On the 2-core machine of docs/benchmarks.md that noise made the old one-off timing (outside the training
 * workspaces, two rounds each) pick the slower kernel for some network copies, for the whole life of the process:
 * one copy of the cats-vs-dogs CNN on oneDNN's kernel for its 148x148 pooling layer took 488 ms a training step
 * where the three others in its process took 344-349 ms, and MNIST copies with a libnd4j pick ran 3-28% slower
 * than the others of their process. The best (shortest) time is used because noise only ever adds time.
 *
 * <p>Pure bookkeeping, no ND4J: the caller supplies the clock and runs the kernel.
 */
final class KernelTrial {
    /** Times per kernel in one trial. */
    static final int SAMPLES = 4;
    /** The second trial starts this long after the first decision (the JIT compiler's work is done by then). */
    static final long RECHECK_NANOS = 10_000_000_000L;

    private long bestOneDnn;
    private long bestBuiltin;
    private int oneDnnSamples;
    private int builtinSamples;
    private int trialsDone;
    private long decidedAt;
    private boolean builtinFaster;
    private boolean inTrial = true;

    /** Which kernel the next call runs: true for libnd4j's; {@code now} starts the second trial when it is due. */
    boolean nextBuiltin(long now) {
        if (!inTrial && trialsDone == 1 && now - decidedAt >= RECHECK_NANOS) {
            inTrial = true;
            oneDnnSamples = 0;
            builtinSamples = 0;
        }
        if (!inTrial) {
            return builtinFaster;
        }
        return builtinSamples < oneDnnSamples; // alternate, oneDNN first; a dropped time is made up
    }

    /** True while calls alternate between the kernels and should be timed. */
    boolean timing() {
        return inTrial;
    }

    /** One call's time on one kernel; ignored outside a trial. */
    void record(boolean builtin, long nanos, long now) {
        if (!inTrial) {
            return;
        }
        if (builtin) {
            bestBuiltin = builtinSamples++ == 0 ? nanos : Math.min(bestBuiltin, nanos);
        } else {
            bestOneDnn = oneDnnSamples++ == 0 ? nanos : Math.min(bestOneDnn, nanos);
        }
        if (oneDnnSamples >= SAMPLES && builtinSamples >= SAMPLES) {
            builtinFaster = bestBuiltin < bestOneDnn;
            trialsDone++;
            decidedAt = now;
            inTrial = false;
        }
    }

    /** The current decision: true when libnd4j's kernel was faster (oneDNN's until the first trial ends). */
    boolean builtinFaster() {
        return builtinFaster;
    }

    /** Trials finished: 0, 1 or 2 (final). */
    int trialsDone() {
        return trialsDone;
    }

    /** The best times of the last trial, in ms, for logs: {oneDNN, libnd4j}. */
    double[] bestMillis() {
        return new double[] {bestOneDnn / 1e6, bestBuiltin / 1e6};
    }
}
