package dev.convlab.train;

import dev.convlab.config.callbacks.ReduceLrOnPlateau;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keras's ReduceLROnPlateau, line for line; its counters are part of every backup. */
final class PlateauReducer {
    static final String NAME = "reduce_lr_on_plateau";
    private final ReduceLrOnPlateau config;
    private final Monitor monitor;
    private Double best;
    private int wait;
    private int cooldownCounter;

    PlateauReducer(ReduceLrOnPlateau config, Monitor monitor) {
        this.config = config;
        this.monitor = monitor;
    }

    /** Called after an epoch with its metrics and the current rate; returns the rate for the next epoch. */
    double onEpochEnd(Map<String, Double> logs, double lr) {
        Double current = logs.get(monitor.metric());
        if (current == null || Double.isNaN(current)) {
            return lr;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            wait = 0;
        }
        if (monitor.improves(current, best, config.minDelta())) {
            best = current;
            wait = 0;
        } else if (cooldownCounter <= 0) {
            wait++;
            if (wait >= config.patience() && lr > config.minLr()) {
                cooldownCounter = config.cooldown();
                wait = 0;
                return Math.max(lr * config.factor(), config.minLr());
            }
        }
        return lr;
    }

    Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("best", best);
        m.put("wait", wait);
        m.put("cooldown_counter", cooldownCounter);
        return m;
    }

    void restore(Map<String, Object> m) {
        best = TrainingState.boxed(m.get("best"));
        wait = ((Number) m.get("wait")).intValue();
        cooldownCounter = ((Number) m.get("cooldown_counter")).intValue();
    }
}
