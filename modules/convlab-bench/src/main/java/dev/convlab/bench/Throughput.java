package dev.convlab.bench;

import java.util.ArrayList;
import java.util.List;

/** Runs one step (a training step or an inference pass over a batch) under a {@link Budget}. */
public final class Throughput {
    private Throughput() {
    }

    public static Timing measure(Runnable step, int batch, Budget budget) {
        warmUp(step, budget);
        List<Double> times = new ArrayList<>();
        long start = System.nanoTime();
        while (!budget.done(times.size(), (System.nanoTime() - start) / 1e9)) {
            long t0 = System.nanoTime();
            step.run();
            times.add((System.nanoTime() - t0) / 1e9);
        }
        return new Timing(batch, times.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Runs {@code step} untimed until the budget's warm-up steps and seconds have both passed. */
    static void warmUp(Runnable step, Budget budget) {
        long start = System.nanoTime();
        for (int i = 0; !budget.warmedUp(i, (System.nanoTime() - start) / 1e9); i++) {
            step.run();
        }
    }
}
