package dev.convlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.yaml.ConfigLoader;
import dev.convlab.config.yaml.LoadedConfig;
import dev.convlab.train.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner on real trials (each its own JVM, mnist-10k): 2-fold cross-validation scores every trial on both
 * folds; a trial whose loss turns NaN is reported at once, marked failed, and the sweep continues; a finished sweep
 * resumed runs nothing and rewrites no trial file.
 */
class SweepRunTest {
    static final String BASE = """
            name: sweep-base
            seed: 3
            data: {dataset: mnist-10k, batch_size: 32, max_train_samples: 300, max_test_samples: 100}
            model:
              layers:
                - conv2d: {filters: 4, kernel_size: 3}
                - max_pooling2d: {pool_size: 2}
                - flatten: {}
                - dense: {units: 10, activation: softmax}
            training:
              epochs: 1
              optimizer: {type: sgd, learning_rate: 0.01, momentum: 0.9}
            """;
    @TempDir
    Path work;

    static SweepPlan plan(Path base, Path out, List<Double> rates, int folds, boolean refit) {
        List<SweepPlan.PlannedTrial> trials = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
            LoadedConfig c = ConfigLoader.load(base, List.of("training.optimizer.learning_rate=" + rates.get(i)));
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("training.optimizer.learning_rate", rates.get(i));
            trials.add(new SweepPlan.PlannedTrial(i, c.hash(), params, c));
        }
        return new SweepPlan("lr", "grid: " + rates + "\n", trials, folds, "val_accuracy", true, 2, 1, 0, false, refit,
                out.toString(), List.of(), null);
    }

    @Test
    void scoresEveryFoldReportsAFailureAtOnceAndResumesToNothing() throws IOException {
        Path base = work.resolve("base.yaml");
        Files.writeString(base, BASE);
        StringWriter text = new StringWriter();
        SweepPlan plan = plan(base, work.resolve("sweeps"), List.of(0.01, 1.0e6, 0.05), 2, false);
        SweepRun.Result result = SweepRun.start(plan, base, new PrintWriter(text, true)).run();
        String out = text.toString();
        assertTrue(out.matches("(?s).*\\[\\d/3] trial 1 \\{training.optimizer.learning_rate: 1\\.00e\\+06} FAILED: "
                + "diverged.*"), out);
        List<Map<String, Object>> table = result.table();
        assertEquals(3, table.size());
        assertEquals("failed", table.get(2).get("status"), "the failed trial ranks last");
        for (Map<String, Object> row : table.subList(0, 2)) {
            assertEquals("done", row.get("status"));
            assertEquals(2, ((List<?>) row.get("scores")).size(), "one score per fold");
        }
        double first = ((Number) table.get(0).get("mean")).doubleValue();
        double second = ((Number) table.get(1).get("mean")).doubleValue();
        assertTrue(first >= second, "ranked best first: " + table);
        for (String f : List.of("results.csv", "results.md", "results.json", "ledger.json")) {
            assertTrue(Files.isRegularFile(result.dir().resolve(f)), f);
        }
        // the fold scores are the last val_accuracy of each fold's own history
        Path trial0 = result.dir().resolve(SweepLedger.folder(plan.trials().get(0)));
        for (int k = 1; k <= 2; k++) {
            List<String> rows = Files.readAllLines(trial0.resolve("fold-" + k + "/history.csv"));
            double last = Double.parseDouble(rows.get(rows.size() - 1).split(",")[4]);
            double score = ((Number) Json.read(Files.readString(trial0.resolve("fold-" + k + "/score.json")))
                    .get("score")).doubleValue();
            assertEquals(last, score, 1e-5);
        }

        FileTime before = Files.getLastModifiedTime(trial0.resolve("result.json"));
        StringWriter again = new StringWriter();
        SweepRun.resume(result.dir(), plan, base, false, new PrintWriter(again, true)).run();
        assertTrue(again.toString().contains("3 trials (2-fold cross-validation), 3 already finished"), again.toString());
        assertEquals(before, Files.getLastModifiedTime(trial0.resolve("result.json")), "no trial ran again");
    }
}
