package dev.convlab.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything besides the network (whose parameters, optimizer state, learning rate and iteration count DL4J's
 * ModelSerializer keeps) that a run needs to continue exactly where it stopped: where it is in the data, the
 * running sums of an unfinished epoch, the random generator, the finished epochs and every callback's state.
 *
 * @param epochsDone      epochs fully finished (their validation and callbacks included)
 * @param batchesDone     batches of epoch {@code epochsDone + 1} already trained (0 at an epoch's end)
 * @param iteration       training batches so far
 * @param partial         running sums of the unfinished epoch (zeros at an epoch's end)
 * @param rngRoot         ND4J's random generator (dropout), root state
 * @param rngNode         ND4J's random generator, node state
 * @param history         the finished epochs
 * @param callbacks       each callback's state, by its YAML name
 */
record TrainingState(int epochsDone, int batchesDone, long iteration, EpochLoop.Partial partial, long rngRoot,
                     long rngNode, List<EpochResult> history, Map<String, Object> callbacks) {

    TrainingState {
        history = List.copyOf(history);
        callbacks = Map.copyOf(callbacks);
    }

    /** The 1-based epoch a resumed run continues in. */
    int nextEpoch() {
        return epochsDone + 1;
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs_done", epochsDone);
        m.put("batches_done", batchesDone);
        m.put("iteration", iteration);
        m.put("partial", partial.toMap());
        // as strings: JSON readers may turn large longs into doubles
        m.put("rng_root", Long.toString(rngRoot));
        m.put("rng_node", Long.toString(rngNode));
        List<Object> rows = new ArrayList<>();
        for (EpochResult r : history) {
            rows.add(row(r));
        }
        m.put("history", rows);
        m.put("callbacks", new LinkedHashMap<>(callbacks));
        return m;
    }

    @SuppressWarnings("unchecked")
    static TrainingState fromMap(Map<String, Object> m) {
        List<EpochResult> history = new ArrayList<>();
        for (Object o : (List<Object>) m.get("history")) {
            history.add(row((Map<String, Object>) o));
        }
        return new TrainingState(((Number) m.get("epochs_done")).intValue(),
                ((Number) m.get("batches_done")).intValue(), ((Number) m.get("iteration")).longValue(),
                EpochLoop.Partial.fromMap((Map<String, Object>) m.get("partial")),
                Long.parseLong((String) m.get("rng_root")), Long.parseLong((String) m.get("rng_node")), history,
                (Map<String, Object>) m.get("callbacks"));
    }

    private static Map<String, Object> row(EpochResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", r.epoch());
        m.put("loss", Json.number(r.loss()));
        m.put("accuracy", Json.number(r.accuracy()));
        m.put("val_loss", Json.number(r.valLoss()));
        m.put("val_accuracy", Json.number(r.valAccuracy()));
        m.put("lr", Json.number(r.learningRate()));
        m.put("seconds", r.seconds());
        m.put("examples", r.examples());
        return m;
    }

    private static EpochResult row(Map<String, Object> m) {
        return new EpochResult(((Number) m.get("epoch")).intValue(), num(m.get("loss")), num(m.get("accuracy")),
                num(m.get("val_loss")), num(m.get("val_accuracy")), num(m.get("lr")), num(m.get("seconds")),
                ((Number) m.get("examples")).longValue());
    }

    static double num(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }

    /** A JSON number or null as a boxed double (null: none yet). */
    static Double boxed(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
