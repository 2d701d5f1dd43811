package dev.convlab.sweep;

import dev.convlab.config.BadInput;
import dev.convlab.config.yaml.ConfigLoader;
import dev.convlab.config.yaml.LoadedConfig;
import dev.convlab.data.Fold;
import dev.convlab.train.AtomicFiles;
import dev.convlab.train.EpochResult;
import dev.convlab.train.Json;
import dev.convlab.train.RunDirectory;
import dev.convlab.train.TrainRun;
import dev.convlab.train.TrainingStopped;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One trial of a sweep, in its own JVM: trains its config on every fold (or the holdout), each fold in its own run
 * directory, and writes {@code result.json}. A fold already scored is not trained again; a fold interrupted by a
 * crash continues from its checkpoint (TrainRun's --resume); so running a trial again after a kill finishes it
 * without repeating finished work. The process stops itself if the sweep that started it dies.
 *
 * <p>Arguments: TRIAL_DIR PARENT_PID. TRIAL_DIR holds config.yaml (the trial's resolved config) and trial.json
 * (folds, metric). Exit code 0 when scored, 3 when training stopped (diverged), 2 bad input, 1 otherwise; the reason
 * is in result.json too.
 */
public final class TrialMain {
    private TrialMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        watchParent(Long.parseLong(args[1]));
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        int code;
        Map<String, Object> result = new LinkedHashMap<>();
        long start = System.nanoTime();
        try {
            Map<String, Object> trial = Json.read(Files.readString(dir.resolve(TrialFiles.TRIAL)));
            LoadedConfig loaded = ConfigLoader.load(dir.resolve(TrialFiles.CONFIG), List.of());
            int folds = ((Number) trial.get("folds")).intValue();
            String metric = (String) trial.get("metric");
            List<Object> scores = new ArrayList<>();
            for (int k = 0; k < Math.max(folds, 1); k++) {
                scores.add(Json.number(fold(dir, loaded, folds > 0 ? new Fold(k, folds) : null, metric, out)));
            }
            result.put("status", "ok");
            result.put("scores", scores);
            code = 0;
        } catch (TrainingStopped e) {
            result.put("status", e.status().equals("interrupted") ? "interrupted" : "failed");
            result.put("error", e.getMessage());
            code = 3;
        } catch (BadInput e) {
            result.put("status", "failed");
            result.put("error", e.oneLine());
            code = 2;
        } catch (Exception | OutOfMemoryError e) {
            result.put("status", "failed");
            result.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
            e.printStackTrace();
            code = 1;
        }
        result.put("seconds", (System.nanoTime() - start) / 1e9);
        try {
            AtomicFiles.write(dir.resolve(TrialFiles.RESULT), Json.write(result));
        } catch (IOException e) {
            System.err.println("cannot write " + dir.resolve(TrialFiles.RESULT) + ": " + e.getMessage());
            code = 1;
        }
        out.flush();
        System.exit(code);
    }

    /** The score of one fold: from its score.json if it was finished, else by training (or resuming) it. */
    private static double fold(Path trialDir, LoadedConfig loaded, Fold fold, String metric, PrintWriter out)
            throws IOException {
        Path runDir = trialDir.resolve(fold != null ? "fold-" + (fold.index() + 1) : "holdout");
        Path scoreFile = runDir.resolve(TrialFiles.SCORE);
        if (Files.isRegularFile(scoreFile)) {
            Object score = Json.read(Files.readString(scoreFile)).get("score");
            return score == null ? Double.NaN : ((Number) score).doubleValue();
        }
        TrainRun run;
        if (Files.isRegularFile(runDir.resolve("checkpoints.json")) && !"completed".equals(new RunDirectory(runDir).status())) {
            out.println("trial: resuming " + runDir.getFileName() + " from its checkpoint");
            run = TrainRun.resume(runDir, loaded, false, out, false).fold(fold);
        } else {
            TrialFiles.deleteTree(runDir); // started but nothing resumable was saved: start it over
            run = new TrainRun(loaded, out, false).fold(fold).into(runDir);
        }
        List<EpochResult> history = run.run().history();
        EpochResult last = history.get(history.size() - 1);
        double score = switch (metric) {
            case "val_accuracy" -> last.valAccuracy();
            case "val_loss" -> last.valLoss();
            case "accuracy" -> last.accuracy();
            case "loss" -> last.loss();
            default -> throw new BadInput(metric, "is not a score a trial can report",
                    "use val_accuracy, val_loss, accuracy or loss");
        };
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("score", Json.number(score));
        s.put("epochs", history.size());
        AtomicFiles.write(scoreFile, Json.write(s));
        return score;
    }


    /** Stops this JVM within a second of the sweep's death, so a resumed sweep never meets an orphan trial. */
    private static void watchParent(long pid) {
        Thread t = new Thread(() -> {
            while (true) {
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE) {
                    Runtime.getRuntime().halt(137);
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "convlab-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
