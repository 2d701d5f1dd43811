package dev.convlab.train;

import dev.convlab.config.BadInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * checkpoints.json in the run directory: every checkpoint file of the run with its checksum, epoch, iteration,
 * metrics and config hash, and for resumable ones the whole {@link TrainingState}. It is rewritten atomically after
 * each checkpoint file is safely in place, and a file leaves it before it is deleted, so it never names a file
 * that is not complete.
 */
final class CheckpointLedger {
    static final String FILE = "checkpoints.json";
    private final Path runDir;
    private String configHash;
    private final List<Map<String, Object>> entries = new ArrayList<>();

    /** One checkpoint as listed. */
    record Entry(String file, String kind, String sha256, long bytes, int epoch, long iteration, boolean resumable,
                 Map<String, Object> metrics, Map<String, Object> state) {
    }

    private CheckpointLedger(Path runDir, String configHash) {
        this.runDir = runDir;
        this.configHash = configHash;
    }

    static CheckpointLedger create(Path runDir, String configHash) {
        return new CheckpointLedger(runDir, configHash);
    }

    @SuppressWarnings("unchecked")
    static CheckpointLedger read(Path runDir) {
        Path file = runDir.resolve(FILE);
        Map<String, Object> map;
        try {
            map = Json.read(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new BadInput(file.toString(), "no checkpoint list: this run saved no checkpoint",
                    "resume a run directory written by convlab train (it lists its checkpoints in " + FILE + ")");
        } catch (IOException e) {
            throw new BadInput(file.toString(), "cannot be read: " + e.getMessage(), "check the run directory");
        } catch (IllegalArgumentException e) {
            throw new BadInput(file.toString(), "is damaged (" + e.getMessage() + ")",
                    "it is written atomically, so it was changed by hand; restore it or start a new run");
        }
        CheckpointLedger ledger = new CheckpointLedger(runDir, (String) map.get("config_hash"));
        for (Object o : (List<Object>) map.get("checkpoints")) {
            ledger.entries.add(new LinkedHashMap<>((Map<String, Object>) o));
        }
        return ledger;
    }

    /** A resumed run with a changed config (--force): its later checkpoints carry the new hash. */
    void useConfigHash(String hash) {
        this.configHash = hash;
    }

    String configHash() {
        return configHash;
    }

    Path resolve(String file) {
        return runDir.resolve(file);
    }

    String relative(Path file) {
        return runDir.toAbsolutePath().relativize(file.toAbsolutePath()).toString().replace('\\', '/');
    }

    /** Lists a file just written (replacing an older entry for the same file) and rewrites the ledger. */
    void add(BundleWriter.Written written, String kind, int epoch, long iteration, boolean resumable,
             Map<String, Object> metrics, Map<String, Object> state) throws IOException {
        String file = relative(written.file());
        entries.removeIf(e -> file.equals(e.get("file")));
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("file", file);
        e.put("kind", kind);
        e.put("sha256", written.sha256());
        e.put("bytes", written.bytes());
        e.put("epoch", epoch);
        e.put("iteration", iteration);
        e.put("written", Instant.now().toString());
        e.put("config_hash", configHash);
        e.put("resumable", resumable);
        e.put("metrics", metrics);
        if (state != null) {
            e.put("state", state);
        }
        entries.add(e);
        save();
    }

    /**
     * Unlists a file about to be replaced under the same name (best.zip, last.zip), so the ledger never lists a
     * file whose checksum it does not know: a crash between the rename and {@link #add} leaves it unlisted.
     */
    void unlist(Path file) throws IOException {
        String name = relative(file);
        if (entries.removeIf(e -> name.equals(e.get("file")))) {
            save();
        }
    }

    /** Unlists files, rewrites the ledger, then deletes them: a crash in between leaves a stray file, never a gap. */
    void remove(List<String> files) throws IOException {
        if (files.isEmpty()) {
            return;
        }
        entries.removeIf(e -> files.contains((String) e.get("file")));
        save();
        for (String f : files) {
            Files.deleteIfExists(runDir.resolve(f));
        }
    }

    List<Entry> entries(String kind) {
        return entries().stream().filter(e -> e.kind().equals(kind)).toList();
    }

    @SuppressWarnings("unchecked")
    List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (Map<String, Object> e : entries) {
            out.add(new Entry((String) e.get("file"), (String) e.get("kind"), (String) e.get("sha256"),
                    ((Number) e.get("bytes")).longValue(), ((Number) e.get("epoch")).intValue(),
                    ((Number) e.get("iteration")).longValue(), Boolean.TRUE.equals(e.get("resumable")),
                    (Map<String, Object>) e.get("metrics"), (Map<String, Object>) e.get("state")));
        }
        return out;
    }

    /**
     * The resumable checkpoints, newest first, whose file is whole (size and SHA-256 as listed). Each one that
     * fails is reported to {@code warn} with the reason, and the next older one is tried.
     */
    List<Entry> intactResumable(Consumer<String> warn) {
        List<Entry> candidates = new ArrayList<>(entries().stream().filter(Entry::resumable).toList());
        // newest first; of two taken at the same iteration, the one written last (the backup a signal saved after
        // a model checkpoint of the same batch, which is what the stop message names)
        java.util.Collections.reverse(candidates);
        candidates.sort(Comparator.comparingLong(Entry::iteration).reversed());
        List<Entry> intact = new ArrayList<>();
        for (Entry e : candidates) {
            String problem = problem(e);
            if (problem == null) {
                intact.add(e);
            } else {
                warn.accept("warning: skipping checkpoint " + e.file() + " (epoch " + e.epoch() + ", iteration "
                        + e.iteration() + "): " + problem);
            }
        }
        return intact;
    }

    /** Why a listed checkpoint cannot be used, or null when its file is whole. */
    String problem(Entry e) {
        Path file = runDir.resolve(e.file());
        try {
            if (!Files.isRegularFile(file)) {
                return "the file is missing";
            }
            long size = Files.size(file);
            if (size != e.bytes()) {
                return "the file has " + size + " bytes, " + e.bytes() + " were written (truncated or replaced)";
            }
            if (!BundleWriter.sha256(file).equals(e.sha256())) {
                return "its SHA-256 checksum does not match (the file is damaged)";
            }
            return null;
        } catch (IOException ex) {
            return "cannot be read: " + ex.getMessage();
        }
    }

    private void save() throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("config_hash", configHash);
        map.put("checkpoints", entries);
        AtomicFiles.write(runDir.resolve(FILE), Json.write(map));
    }
}
