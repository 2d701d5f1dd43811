package dev.convlab.train;

import dev.convlab.config.ConfigProblem;
import dev.convlab.config.callbacks.Mode;
import java.util.ArrayList;
import java.util.List;

/**
 * A monitored metric and which way is better, as Keras's callbacks decide it: mode min or max, or auto (min for
 * names ending in loss, max for names ending in accuracy). An unknown metric, or auto for a metric of no known
 * direction, is refused when training starts, naming the metrics that exist.
 */
record Monitor(String metric, boolean higherIsBetter) {

    /** The metrics an epoch reports; val_ ones only when there is validation data. */
    static List<String> available(boolean validation) {
        List<String> names = new ArrayList<>(List.of("loss", "accuracy"));
        if (validation) {
            names.addAll(List.of("val_loss", "val_accuracy"));
        }
        names.add("lr");
        return names;
    }

    /** The metrics known mid-epoch (running training values), for saves every N batches. */
    static List<String> availableMidEpoch() {
        return List.of("loss", "accuracy", "lr");
    }

    static Monitor of(String metric, Mode mode, List<String> available, String yamlPath) {
        if (!available.contains(metric)) {
            String why = metric.startsWith("val_") && !available.contains("val_loss")
                    ? "'" + metric + "' needs validation data, and this run has none"
                    : "'" + metric + "' is not a metric of this run";
            throw new ConfigProblem(yamlPath + ".monitor", why, "monitor one of: " + String.join(", ", available)
                    + (available.contains("val_loss") ? "" : " (set data.validation_split above 0 for val_loss and val_accuracy)"));
        }
        return switch (mode) {
            case MIN -> new Monitor(metric, false);
            case MAX -> new Monitor(metric, true);
            case AUTO -> {
                if (metric.endsWith("loss")) {
                    yield new Monitor(metric, false);
                }
                if (metric.endsWith("accuracy")) {
                    yield new Monitor(metric, true);
                }
                throw new ConfigProblem(yamlPath + ".mode", "mode auto cannot tell whether " + metric
                        + " is better higher or lower", "set mode: min or mode: max");
            }
        };
    }

    /**
     * Whether {@code current} improves on {@code best} by more than {@code minDelta}, as Keras's
     * {@code monitor_op(current - min_delta, best)}. A NaN current never improves; a null best (nothing yet) is
     * always improved on.
     */
    boolean improves(double current, Double best, double minDelta) {
        if (Double.isNaN(current)) {
            return false;
        }
        if (best == null) {
            return true;
        }
        return higherIsBetter ? current - minDelta > best : current + minDelta < best;
    }

    /** Whether {@code a} is better than {@code b} (ties are not). */
    boolean better(double a, double b) {
        return higherIsBetter ? a > b : a < b;
    }
}
