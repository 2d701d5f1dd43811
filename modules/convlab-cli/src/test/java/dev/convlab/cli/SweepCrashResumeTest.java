package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.train.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep killed with SIGKILL in the middle of a trial and resumed: the final table has every grid point exactly
 * once, the trials that had finished were not run again (their folders untouched, one attempt each), and the trial
 * that was running was run again exactly once. The trial processes die with the sweep (they watch it), so the
 * resumed sweep never shares a folder with an orphan.
 */
class SweepCrashResumeTest {
    @TempDir
    Path work;

    @Test
    @Timeout(600)
    void aKilledSweepResumesWithoutRepeatingOrLosingATrial() throws Exception {
        Files.writeString(work.resolve("base.yaml"), """
                name: base
                seed: 4
                data: {dataset: mnist-10k, batch_size: 32, max_train_samples: 1200, max_test_samples: 100}
                model:
                  layers:
                    - conv2d: {filters: 8, kernel_size: 3, activation: relu}
                    - max_pooling2d: {pool_size: 2}
                    - flatten: {}
                    - dense: {units: 64, activation: relu}
                    - dense: {units: 10, activation: softmax}
                training: {epochs: 2, optimizer: {type: adam, learning_rate: 0.001}}
                """);
        Path sweep = work.resolve("sweep.yaml");
        Files.writeString(sweep, """
                name: killed
                base: base.yaml
                grid:
                  training.optimizer.learning_rate: [0.0005, 0.001, 0.002, 0.004]
                holdout: 0.2
                parallel: 1
                refit: false
                output_dir: %s
                """.formatted(work.resolve("sweeps")));
        Path dir;
        try (RunningCli running = RunningCli.start(work, List.of("-Xmx2g"), "sweep", sweep.toString())) {
            // kill while the second trial trains: the first is done, the second has written its first epoch
            assertTrue(running.await(() -> secondTrialIsTraining(work.resolve("sweeps")), Duration.ofMinutes(4), 100),
                    "the sweep never reached its second trial: " + running.out() + running.err());
            running.kill();
        }
        try (Stream<Path> s = Files.list(work.resolve("sweeps"))) {
            dir = s.findFirst().orElseThrow();
        }
        Map<String, Object> before = Json.read(Files.readString(dir.resolve("ledger.json")));
        List<Map<String, Object>> trials = trials(before);
        assertEquals("done", trials.get(0).get("status"));
        assertEquals("running", trials.get(1).get("status"), "killed in the middle of trial 1");
        Path finishedFolder = dir.resolve((String) trials.get(0).get("folder"));
        Map<String, FileTime> untouched = snapshot(finishedFolder);
        Thread.sleep(1500); // the orphaned trial process notices its sweep is gone within a second and stops
        Path runningFolder = dir.resolve((String) trials.get(1).get("folder"));
        Map<String, FileTime> orphan = snapshot(runningFolder);
        Thread.sleep(1500);
        assertEquals(orphan, snapshot(runningFolder), "no process writes in the killed trial's folder any more");

        Cli resumed = Cli.run("sweep", "--resume", dir.toString());
        assertEquals(0, resumed.exit(), resumed.toString());
        assertTrue(resumed.out().contains("4 trials (holdout), 1 already finished"), resumed.out());
        List<Map<String, Object>> after = trials(Json.read(Files.readString(dir.resolve("ledger.json"))));
        assertEquals(4, after.size());
        List<Integer> attempts = new ArrayList<>();
        for (Map<String, Object> t : after) {
            assertEquals("done", t.get("status"), t.toString());
            attempts.add(((Number) t.get("attempts")).intValue());
        }
        assertEquals(List.of(1, 2, 1, 1), attempts, "the killed trial ran again once, no other trial twice");
        assertEquals(untouched, snapshot(finishedFolder), "the finished trial's folder is untouched");
        Map<String, Object> results = Json.read(Files.readString(dir.resolve("results.json")));
        List<Object> indices = new ArrayList<>();
        for (Object row : (List<?>) results.get("results")) {
            indices.add(((Map<?, ?>) row).get("index"));
        }
        assertEquals(4, indices.size());
        assertEquals(4, indices.stream().distinct().count(), "every grid point exactly once: " + indices);
        String table = Files.readString(dir.resolve("results.md"));
        assertEquals(4, table.lines().filter(l -> l.matches("\\| \\d .*")).count(), table);
        assertTrue(resumed.out().contains("best_params: {training.optimizer.learning_rate:"), resumed.out());
    }

    private static boolean secondTrialIsTraining(Path sweeps) {
        try (Stream<Path> s = Files.list(sweeps)) {
            Path dir = s.findFirst().orElse(null);
            if (dir == null || !Files.isRegularFile(dir.resolve("ledger.json"))) {
                return false;
            }
            List<Map<String, Object>> trials = trials(Json.read(Files.readString(dir.resolve("ledger.json"))));
            return "done".equals(trials.get(0).get("status")) && "running".equals(trials.get(1).get("status"))
                    && Files.isRegularFile(dir.resolve((String) trials.get(1).get("folder")).resolve("holdout/history.csv"));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> trials(Map<String, Object> ledger) {
        List<Map<String, Object>> trials = new ArrayList<>((List<Map<String, Object>>) ledger.get("trials"));
        trials.sort((a, b) -> Integer.compare(((Number) a.get("index")).intValue(), ((Number) b.get("index")).intValue()));
        return trials;
    }

    private static Map<String, FileTime> snapshot(Path folder) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                times.put(folder.relativize(f) + " " + Files.size(f), Files.getLastModifiedTime(f));
            }
        }
        return times;
    }
}
