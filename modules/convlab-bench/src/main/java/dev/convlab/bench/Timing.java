package dev.convlab.bench;

import java.util.Arrays;

/** The timed steps of one measurement (warm-up excluded). */
public record Timing(int batch, double[] stepSeconds) {

    public int steps() {
        return stepSeconds.length;
    }

    public double totalSeconds() {
        return Arrays.stream(stepSeconds).sum();
    }

    /** Images over total time, not the mean of per-step rates, so a slow step counts for its full length. */
    public double imagesPerSecond() {
        return steps() * (double) batch / totalSeconds();
    }

    public double medianStepSeconds() {
        double[] sorted = stepSeconds.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Standard deviation over mean of the step times: how steady the figure is (0.05 = 5%). */
    public double stepVariation() {
        double mean = totalSeconds() / steps();
        double var = Arrays.stream(stepSeconds).map(s -> (s - mean) * (s - mean)).sum() / steps();
        return Math.sqrt(var) / mean;
    }
}
