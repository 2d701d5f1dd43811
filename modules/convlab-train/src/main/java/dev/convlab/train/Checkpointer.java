package dev.convlab.train;

import dev.convlab.config.callbacks.ModelCheckpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's ModelCheckpoint with save_top_k and save_last: decides when to save and under which name; the writing
 * itself (atomic, checksummed, listed in checkpoints.json) is the {@link Saver}'s.
 */
final class Checkpointer {
    static final String NAME = "model_checkpoint";
    private final ModelCheckpoint config;
    private final Monitor monitor;
    private final FilepathTemplate template;
    private final Path runDir;
    private Double best;
    /** Saved files with their monitored value, for save_top_k. */
    private final List<Map<String, Object>> kept = new ArrayList<>();

    /** Writes one checkpoint file; returns its path relative to the run directory. */
    interface Saver {
        String save(Path file, String kind, boolean withOptimizer, Map<String, Double> values) throws IOException;

        void delete(List<String> files) throws IOException;
    }

    Checkpointer(ModelCheckpoint config, Monitor monitor, FilepathTemplate template, Path runDir) {
        this.config = config;
        this.monitor = monitor;
        this.template = template;
        this.runDir = runDir;
    }

    /** Whether this callback saves after batch {@code iteration} (save_freq in batches) rather than per epoch. */
    boolean savesAfterBatch(long iteration) {
        int every = config.saveEveryBatches();
        return every > 0 && iteration % every == 0;
    }

    boolean savesPerEpoch() {
        return config.saveEveryBatches() == 0;
    }

    /** Saves if the rules say so; {@code values} holds epoch, iteration and the metrics. Returns what it wrote. */
    List<String> maybeSave(Map<String, Double> values, Saver saver) throws IOException {
        List<String> written = new ArrayList<>();
        double current = values.getOrDefault(monitor.metric(), Double.NaN);
        boolean save;
        if (config.saveBestOnly()) {
            Double reference = best != null ? best : config.initialValueThreshold();
            save = monitor.improves(current, reference, 0.0);
        } else {
            save = true;
        }
        if (save && config.saveBestOnly()) {
            best = current;
        }
        if (save) {
            Path target = runDir.resolve(template.format(values));
            String name = runDir.toAbsolutePath().relativize(target.toAbsolutePath()).toString().replace('\\', '/');
            List<String> drop = List.of();
            if (config.saveTopK() != null) {
                // the list is updated before the save, so the state inside the checkpoint already lists it
                kept.removeIf(k -> name.equals(k.get("file")));
                Map<String, Object> k = new LinkedHashMap<>();
                k.put("file", name);
                k.put("score", Json.number(current));
                kept.add(k);
                drop = new ArrayList<>(prune(config.saveTopK()));
                save = !drop.remove(name); // not among the k best: not written at all
            }
            if (save) {
                written.add(saver.save(target, NAME, !config.saveWeightsOnly(), values));
            }
            saver.delete(drop);
        }
        if (config.saveLast()) {
            Path folder = runDir.resolve(template.format(values)).getParent();
            written.add(saver.save(folder.resolve("last.zip"), "last", !config.saveWeightsOnly(), values));
        }
        return written;
    }

    /** Removes from the kept list, and returns, the files beyond the k best (NaN scores count as worst). */
    private List<String> prune(int k) {
        Comparator<Map<String, Object>> byScore = Comparator.comparingDouble(m -> {
            double v = TrainingState.num(m.get("score"));
            return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : monitor.higherIsBetter() ? v : -v;
        });
        kept.sort(byScore.reversed());
        List<String> drop = new ArrayList<>();
        while (kept.size() > k) {
            drop.add((String) kept.remove(kept.size() - 1).get("file"));
        }
        return drop;
    }

    Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("monitor", monitor.metric());
        m.put("best", best);
        m.put("top_k", new ArrayList<>(kept));
        return m;
    }

    @SuppressWarnings("unchecked")
    void restore(Map<String, Object> m) {
        best = TrainingState.boxed(m.get("best"));
        kept.clear();
        for (Object o : (List<Object>) m.get("top_k")) {
            kept.add(new LinkedHashMap<>((Map<String, Object>) o));
        }
    }
}
