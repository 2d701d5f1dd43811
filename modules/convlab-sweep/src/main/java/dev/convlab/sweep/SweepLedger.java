package dev.convlab.sweep;

import dev.convlab.config.BadInput;
import dev.convlab.train.AtomicFiles;
import dev.convlab.train.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ledger.json in the sweep folder: every trial, keyed by the SHA-256 of its resolved config, with its folder,
 * status (pending, running, done, failed), attempts, scores and error. Rewritten atomically on every change, so after
 * a kill -9 it says exactly which trials finished; a resumed sweep runs only the others, and a grid point can never
 * appear twice (one key, one entry).
 */
final class SweepLedger {
    static final String FILE = "ledger.json";
    private final Path file;
    private final Map<String, Map<String, Object>> trials = new LinkedHashMap<>();

    private SweepLedger(Path file) {
        this.file = file;
    }

    static SweepLedger create(Path sweepDir, SweepPlan plan) throws IOException {
        SweepLedger ledger = new SweepLedger(sweepDir.resolve(FILE));
        for (SweepPlan.PlannedTrial t : plan.trials()) {
            ledger.trials.put(t.key(), pending(t));
        }
        ledger.save();
        return ledger;
    }

    @SuppressWarnings("unchecked")
    static SweepLedger read(Path sweepDir) {
        SweepLedger ledger = new SweepLedger(sweepDir.resolve(FILE));
        try {
            Map<String, Object> map = Json.read(Files.readString(ledger.file));
            for (Object o : (List<Object>) map.get("trials")) {
                Map<String, Object> e = new LinkedHashMap<>((Map<String, Object>) o);
                ledger.trials.put((String) e.get("key"), e);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInput(ledger.file.toString(), "cannot be read: " + e.getMessage(),
                    "give a sweep folder written by convlab sweep");
        }
        return ledger;
    }

    private static Map<String, Object> pending(SweepPlan.PlannedTrial t) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("index", t.index());
        e.put("key", t.key());
        e.put("params", t.params());
        e.put("folder", folder(t));
        e.put("status", "pending");
        e.put("attempts", 0);
        return e;
    }

    static String folder(SweepPlan.PlannedTrial t) {
        return String.format("trials/trial-%03d-%s", t.index(), t.key().substring(0, 8));
    }

    synchronized String status(String key) {
        Map<String, Object> e = trials.get(key);
        return e == null ? null : (String) e.get("status");
    }

    synchronized Map<String, Object> entry(String key) {
        return new LinkedHashMap<>(trials.get(key));
    }

    synchronized boolean has(String key) {
        return trials.containsKey(key);
    }

    synchronized void started(String key) {
        Map<String, Object> e = trials.get(key);
        e.put("status", "running");
        e.put("attempts", ((Number) e.get("attempts")).intValue() + 1);
        save();
    }

    synchronized void finished(String key, TrialOutcome outcome) {
        Map<String, Object> e = trials.get(key);
        e.put("status", outcome.ok() ? "done" : outcome.interrupted() ? "interrupted" : "failed");
        e.put("scores", outcome.scores());
        e.put("seconds", outcome.seconds());
        if (outcome.error() != null) {
            e.put("error", outcome.error());
        } else {
            e.remove("error");
        }
        save();
    }

    /** A trial the sweep file gained since the sweep began (resumed with --force). */
    synchronized void addIfMissing(SweepPlan.PlannedTrial t) {
        if (!trials.containsKey(t.key())) {
            trials.put(t.key(), pending(t));
            save();
        }
    }

    synchronized List<Map<String, Object>> all() {
        List<Map<String, Object>> out = new ArrayList<>();
        trials.values().forEach(e -> out.add(new LinkedHashMap<>(e)));
        return out;
    }

    private void save() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("trials", new ArrayList<>(trials.values()));
        try {
            AtomicFiles.write(file, Json.write(map));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
