package dev.convlab.train;

import dev.convlab.backend.BackendFacts;
import dev.convlab.config.RunConfig;
import dev.convlab.config.schema.Names;
import dev.convlab.config.yaml.LoadedConfig;
import dev.convlab.data.DataSplits;
import dev.convlab.model.ModelPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** manifest.json, rewritten atomically at each change of state. */
final class RunManifest {
    /** Key under "data" of the training set's featurewise statistics, when the config asks for them. */
    static final String FEATUREWISE = "featurewise_statistics";
    private final Path file;
    private final Map<String, Object> map = new LinkedHashMap<>();

    RunManifest(Path file, LoadedConfig loaded, BackendFacts backend, DataSplits data, ModelPlan plan) {
        this.file = file;
        RunConfig c = loaded.config();
        map.put("name", c.name());
        map.put("status", "starting");
        map.put("started", Instant.now().toString());
        map.put("versions", Versions.all());
        map.put("seed", c.seed());
        map.put("config_file", loaded.source());
        map.put("config_hash", "sha256:" + loaded.hash());
        map.put("backend", backend.toMap());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("dataset", Names.of(c.data().dataset()));
        d.put("fingerprint", data.fingerprint());
        d.put("description", data.description());
        d.put("classes", data.classNames());
        d.put("input_shape", List.of(data.inputShape().height(), data.inputShape().width(),
                data.inputShape().channels()));
        d.put("train_examples", data.trainCount());
        d.put("validation_examples", data.validationCount());
        d.put("test_examples", data.testCount());
        d.put("skipped_files", data.skipped().stream()
                .map(b -> new java.util.TreeMap<>(Map.of("path", b.file().toString(), "reason", b.reason()))).toList());
        if (data.featurewise() != null) {
            // evaluate and predict normalise with these, so a model file carries them (see ModelBundle)
            d.put(FEATUREWISE, data.featurewise().toMap());
        }
        map.put("data", d);
        Map<String, Object> model = new java.util.TreeMap<>(Map.of("total_params", plan.totalParams(),
                "trainable_params", plan.trainableParams(), "layers", plan.layerNames()));
        if (plan.transfer() != null) {
            // the base's own bytes: the config names only its path
            Map<String, Object> base = new java.util.TreeMap<>();
            base.put("from", plan.transfer().from());
            base.put("kept_layers", plan.layerNames().subList(0, plan.transfer().kept()));
            base.put("frozen_layers", plan.layerNames().subList(0, plan.transfer().frozen()));
            try {
                base.put("sha256", BundleWriter.sha256(Path.of(plan.transfer().from())));
            } catch (java.io.IOException e) {
                base.put("sha256", null);
            }
            model.put("base", base);
        }
        map.put("model", model);
        map.put("epochs_planned", c.training().epochs());
        map.put("epochs_completed", 0);
    }

    private RunManifest(Path file, Map<String, Object> existing) {
        this.file = file;
        map.putAll(existing);
    }

    /** The manifest of an earlier run, to continue it; records when and from which checkpoint. */
    @SuppressWarnings("unchecked")
    static RunManifest resume(Path file, String checkpoint, String configHash, boolean forced) {
        Map<String, Object> existing;
        try {
            existing = Json.read(java.nio.file.Files.readString(file));
        } catch (IOException | IllegalArgumentException e) {
            throw new dev.convlab.config.BadInput(file.toString(), "the run manifest cannot be read: " + e.getMessage(),
                    "resume a run directory written by convlab train");
        }
        RunManifest manifest = new RunManifest(file, existing);
        List<Object> resumes = new ArrayList<>(existing.get("resumed") instanceof List<?> l ? (List<Object>) l
                : List.of());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("at", Instant.now().toString());
        r.put("from", checkpoint);
        r.put("config_hash", "sha256:" + configHash);
        r.put("forced", forced);
        resumes.add(r);
        manifest.map.put("resumed", resumes);
        manifest.map.put("config_hash", "sha256:" + configHash);
        manifest.map.remove("finished");
        return manifest;
    }

    void put(String key, Object value) {
        map.put(key, value);
    }

    void status(String status) throws IOException {
        map.put("status", status);
        if (!status.equals("running")) {
            map.put("finished", Instant.now().toString());
        }
        AtomicFiles.write(file, Json.write(map));
    }

    void statusQuietly(String status) {
        try {
            status(status);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            // reporting the original failure matters more than this note
        }
    }

    void epochs(int completed, long iterations) throws IOException {
        map.put("epochs_completed", completed);
        map.put("iterations", iterations);
        AtomicFiles.write(file, Json.write(map));
    }

    void test(Map<String, Object> evaluation) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("accuracy", evaluation.get("accuracy"));
        t.put("loss", evaluation.get("loss"));
        t.put("examples", evaluation.get("examples"));
        map.put("test", t);
    }

    void files(List<String> names) {
        map.put("files", new ArrayList<>(names));
    }

    Map<String, Object> asMap() {
        return new LinkedHashMap<>(map);
    }
}
