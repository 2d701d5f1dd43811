package dev.convlab.train;

import dev.convlab.config.callbacks.EarlyStopping;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's EarlyStopping (its on_epoch_end, line for line), with two differences the issue trackers asked for: the
 * best weights are restored at the end of training however it ended, and the state (best score, patience count,
 * best weights) is part of every backup, so the count continues across a resume.
 */
final class EarlyStopper {
    static final String NAME = "early_stopping";
    private final EarlyStopping config;
    private final Monitor monitor;
    private int wait;
    private Double best;
    private int bestEpoch;
    private int stoppedEpoch;
    private INDArray bestWeights;

    EarlyStopper(EarlyStopping config, Monitor monitor) {
        this.config = config;
        this.monitor = monitor;
    }

    /** Called after epoch {@code epoch} (1-based); returns whether training should stop. */
    boolean onEpochEnd(int epoch, Map<String, Double> logs, MultiLayerNetwork net) {
        int kerasEpoch = epoch - 1;
        Double current = logs.get(monitor.metric());
        if (current == null || Double.isNaN(current) || kerasEpoch < config.startFromEpoch()) {
            return false;
        }
        if (config.restoreBestWeights() && bestWeights == null) {
            bestWeights = net.params().dup();
        }
        wait++;
        if (monitor.improves(current, best, config.minDelta())) {
            best = current;
            bestEpoch = epoch;
            if (config.restoreBestWeights()) {
                bestWeights = net.params().dup();
            }
            if (config.baseline() == null || monitor.improves(current, config.baseline(), config.minDelta())) {
                wait = 0;
            }
            return false;
        }
        if (wait >= config.patience() && kerasEpoch > 0) {
            stoppedEpoch = epoch;
            return true;
        }
        return false;
    }

    /** Puts the best epoch's weights back (restore_best_weights); returns that epoch, or 0 if nothing changed. */
    int restoreBest(MultiLayerNetwork net) {
        if (!config.restoreBestWeights() || bestWeights == null) {
            return 0;
        }
        net.setParams(bestWeights);
        return bestEpoch;
    }

    int stoppedEpoch() {
        return stoppedEpoch;
    }

    Double best() {
        return best;
    }

    int bestEpoch() {
        return bestEpoch;
    }

    /** The weights to keep with a backup (null unless restore_best_weights holds some). */
    INDArray bestWeights() {
        return bestWeights;
    }

    Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("monitor", monitor.metric());
        m.put("wait", wait);
        m.put("best", best);
        m.put("best_epoch", bestEpoch);
        m.put("stopped_epoch", stoppedEpoch);
        m.put("has_best_weights", bestWeights != null);
        return m;
    }

    void restore(Map<String, Object> m, INDArray weights) {
        wait = ((Number) m.get("wait")).intValue();
        best = TrainingState.boxed(m.get("best"));
        bestEpoch = ((Number) m.get("best_epoch")).intValue();
        stoppedEpoch = ((Number) m.get("stopped_epoch")).intValue();
        bestWeights = weights;
    }
}
