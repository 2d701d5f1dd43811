package dev.convlab.sweep;

import java.util.List;

/** How a trial process ended: ok with its fold scores, failed with the error, or interrupted (to be resumed). */
record TrialOutcome(String status, List<Double> scores, double seconds, String error) {

    boolean ok() {
        return status.equals("ok");
    }

    boolean interrupted() {
        return status.equals("interrupted");
    }

    double mean() {
        return mean(scores);
    }

    double std() {
        return std(scores);
    }

    static double mean(List<Double> scores) {
        return scores.isEmpty() ? Double.NaN : scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Population standard deviation, as scikit-learn's std_test_score. */
    static double std(List<Double> scores) {
        double m = mean(scores);
        return scores.isEmpty() ? Double.NaN
                : Math.sqrt(scores.stream().mapToDouble(s -> (s - m) * (s - m)).sum() / scores.size());
    }
}
