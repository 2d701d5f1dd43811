package dev.convlab.sweep;

import dev.convlab.config.BadInput;
import dev.convlab.config.yaml.ConfigLoader;
import dev.convlab.config.yaml.LoadedConfig;
import dev.convlab.train.AtomicFiles;
import dev.convlab.train.Json;
import dev.convlab.train.TrainRun;
import dev.convlab.train.TrainingStopped;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A sweep, start to finish or continued after a crash: every trial in its own process, {@code parallel} at a time,
 * each recorded in the ledger as it starts and ends; then the ranked results (cv_results_ style), the best
 * parameters and score, and with refit the best setting trained on all the training data and tested.
 */
public final class SweepRun {
    static final String SWEEP = "sweep.yaml";
    static final String SOURCE = "sweep-source.txt";
    private final SweepPlan plan;
    private final PrintWriter out;
    private final Path resumeDir;
    private final Path sweepFile;
    private final AtomicBoolean stop = new AtomicBoolean();
    private int finished;
    private int ranThisRun;
    private long startNanos;
    private double bestSoFar = Double.NaN;
    private int bestTrial = -1;

    private boolean round;

    private SweepRun(SweepPlan plan, Path sweepFile, PrintWriter out, Path resumeDir) {
        this.plan = plan;
        this.sweepFile = sweepFile;
        this.out = out;
        this.resumeDir = resumeDir;
    }

    /** One round of successive halving in {@code dir}: started there, or continued if it was started before. */
    static SweepRun round(Path dir, SweepPlan plan, PrintWriter out) {
        SweepRun run = new SweepRun(plan, null, out, dir);
        run.round = true;
        return run;
    }

    public static SweepRun start(SweepPlan plan, Path sweepFile, PrintWriter out) {
        return new SweepRun(plan, sweepFile, out, null);
    }

    /** Continues the sweep in {@code dir}; a sweep file changed since it began is refused unless {@code force}. */
    public static SweepRun resume(Path dir, SweepPlan plan, Path sweepFile, boolean force, PrintWriter out) {
        refuseIfChanged(dir, plan, force, out);
        return new SweepRun(plan, sweepFile, out, dir);
    }

    /** A sweep file changed since the sweep in {@code dir} began is refused with the difference, unless forced. */
    static void refuseIfChanged(Path dir, SweepPlan plan, boolean force, PrintWriter out) {
        String before;
        try {
            before = Files.readString(dir.resolve(SWEEP));
        } catch (IOException e) {
            throw new BadInput(dir.toString(), "is not a sweep folder (no " + SWEEP + ")",
                    "give the folder convlab sweep printed: runs/sweeps/<name>-<time>");
        }
        if (!before.equals(plan.sweepText())) {
            List<String> diff = dev.convlab.train.ConfigDiff.lines(before, plan.sweepText());
            if (!force) {
                throw new BadInput(dir.toString(), "the sweep file changed since the sweep began:\n  "
                        + String.join("\n  ", diff) + "\n", "resume with the sweep as it was, or add --force");
            }
            out.println("warning: continuing with a changed sweep file (--force):\n  " + String.join("\n  ", diff));
        }
    }

    /** The sweep's folder and ranked results. */
    public record Result(Path dir, List<Map<String, Object>> table, Map<String, Object> best, boolean allOk) {
    }

    /** The recorded path of the sweep file a sweep folder was started from. */
    public static Path sourceOf(Path dir) {
        try {
            return Path.of(Files.readString(dir.resolve(SOURCE)).trim());
        } catch (IOException e) {
            throw new BadInput(dir.toString(), "is not a sweep folder (no " + SOURCE + ")",
                    "give the folder convlab sweep printed: runs/sweeps/<name>-<time>");
        }
    }

    public Result run() {
        Path dir;
        SweepLedger ledger;
        try {
            if (resumeDir == null) {
                dir = createFolder(plan, sweepFile);
                ledger = SweepLedger.create(dir, plan);
            } else if (round && !Files.isRegularFile(resumeDir.resolve(SweepLedger.FILE))) {
                dir = resumeDir;
                Files.createDirectories(dir);
                ledger = SweepLedger.create(dir, plan);
            } else {
                dir = resumeDir;
                ledger = SweepLedger.read(dir);
                plan.trials().forEach(ledger::addIfMissing);
            }
            for (SweepPlan.PlannedTrial t : plan.trials()) {
                TrialProcess.prepare(dir, plan, t);
            }
        } catch (IOException e) {
            throw new BadInput(plan.outputDir(), "cannot write the sweep folder: " + e.getMessage(),
                    "set output_dir to a writable folder");
        }
        plan.notes().forEach(n -> out.println("note: " + n));
        List<SweepPlan.PlannedTrial> todo = plan.trials().stream()
                .filter(t -> !"done".equals(ledger.status(t.key())) && !"failed".equals(ledger.status(t.key())))
                .toList();
        finished = plan.trials().size() - todo.size();
        out.printf(Locale.ROOT, "%s: %s%n", round ? "round folder" : resumeDir == null ? "sweep" : "resuming sweep", dir);
        out.printf(Locale.ROOT, "%d trials (%s), %d already finished; %d at a time, %d thread%s each; score: %s%s%n",
                plan.trials().size(), plan.folds() > 0 ? plan.folds() + "-fold cross-validation" : "holdout",
                finished, plan.parallel(), plan.threads(), plan.threads() == 1 ? "" : "s", plan.metric(),
                plan.folds() > 0 ? " (mean over folds)" : "");
        for (Map<String, Object> e : ledger.all()) {
            if ("done".equals(e.get("status"))) {
                noteBest(((Number) e.get("index")).intValue(), TrialOutcome.mean(scores(e)));
            }
        }
        out.flush();
        startNanos = System.nanoTime();
        runTrials(dir, ledger, todo);
        ResultsTable table = table(ledger);
        out.println();
        out.print(table.text());
        ResultsTable.Row best = table.best();
        Map<String, Object> bestMap = new LinkedHashMap<>();
        if (best != null) {
            bestMap.put("best_params", best.params());
            bestMap.put("best_score", best.mean());
            bestMap.put("best_std", Json.number(best.std()));
            bestMap.put("best_index", best.index());
            bestMap.put("metric", plan.metric());
            out.printf(Locale.ROOT, "best_score: %.4f (%s, std %.4f)%nbest_params: %s%n", best.mean(), plan.metric(),
                    best.std(), ResultsTable.value(best.params()));
        } else {
            out.println("no trial succeeded: see the errors above");
        }
        try {
            AtomicFiles.write(dir.resolve("results.csv"), table.csv());
            AtomicFiles.write(dir.resolve("results.md"), table.markdown());
            Map<String, Object> json = new LinkedHashMap<>(bestMap);
            json.put("results", table.json());
            AtomicFiles.write(dir.resolve("results.json"), Json.write(json));
            java.awt.image.BufferedImage heatmap = table.heatmap(plan.higherIsBetter());
            if (heatmap != null) {
                dev.convlab.report.SweepReportHtml.writePng(dir.resolve("heatmap.png"), heatmap);
            }
            List<String[]> facts = new ArrayList<>();
            facts.add(new String[] {"trials", plan.trials().size() + (plan.folds() > 0 ? ", " + plan.folds()
                    + "-fold cross-validation" : ", holdout")});
            facts.add(new String[] {"best_score", best != null ? String.format(Locale.ROOT, "%.4f (%s, std %.4f)",
                    best.mean(), plan.metric(), best.std()) : "no trial succeeded"});
            facts.add(new String[] {"best_params", best != null ? ResultsTable.value(best.params()) : "-"});
            dev.convlab.report.SweepReportHtml.write(dir.resolve("report.html"), plan.name(), facts, table.cells(),
                    heatmap);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results in " + dir + ": " + e.getMessage(), e);
        }
        if (stop.get()) {
            throw new TrainingStopped("the sweep stopped early (a trial was interrupted, or on_trial_error: fail_fast);"
                    + " continue with: convlab sweep --resume " + dir, "interrupted");
        }
        if (best != null && plan.refit()) {
            refit(dir, best, bestMap);
        }
        out.println("results: " + dir.resolve("results.md"));
        boolean allOk = table.rows().stream().allMatch(r -> r.status().equals("done"));
        return new Result(dir, table.json(), bestMap, allOk);
    }

    private void runTrials(Path dir, SweepLedger ledger, List<SweepPlan.PlannedTrial> todo) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, plan.parallel()));
        List<Future<?>> futures = new ArrayList<>();
        for (SweepPlan.PlannedTrial t : todo) {
            futures.add(pool.submit(() -> runTrial(dir, ledger, t)));
        }
        pool.shutdown();
        try {
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                if (stop.get()) {
                    pool.shutdownNow();
                }
            }
            for (Future<?> f : futures) {
                if (!f.isCancelled()) {
                    f.get();
                }
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a trial runner failed: " + e.getCause(), e.getCause());
        }
    }

    private void runTrial(Path sweepDir, SweepLedger ledger, SweepPlan.PlannedTrial t) {
        if (stop.get()) {
            return;
        }
        Path trialDir = sweepDir.resolve(SweepLedger.folder(t));
        for (int attempt = 0; attempt <= plan.retries(); attempt++) {
            ledger.started(t.key());
            TrialOutcome outcome;
            try {
                outcome = TrialProcess.run(trialDir, plan.threads());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // the ledger still says running: a resume runs it again
            } catch (IOException e) {
                outcome = new TrialOutcome("failed", List.of(), 0, "cannot start the trial process: " + e.getMessage());
            }
            if (outcome.interrupted()) {
                ledger.finished(t.key(), outcome);
                stop.set(true);
                report(t, outcome, "interrupted");
                return;
            }
            if (outcome.ok() || attempt == plan.retries()) {
                ledger.finished(t.key(), outcome);
                report(t, outcome, null);
                if (!outcome.ok() && plan.failFast()) {
                    stop.set(true);
                }
                return;
            }
            report(t, outcome, "retrying (" + (attempt + 1) + " of " + plan.retries() + ")");
        }
    }

    private synchronized void report(SweepPlan.PlannedTrial t, TrialOutcome o, String retry) {
        String params = ResultsTable.value(t.params());
        if (retry != null) {
            out.printf(Locale.ROOT, "trial %d %s FAILED, %s: %s%n", t.index(), params, retry, o.error());
            out.flush();
            return;
        }
        finished++;
        ranThisRun++;
        if (o.ok()) {
            noteBest(t.index(), o.mean());
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        int remaining = plan.trials().size() - finished;
        String eta = finished > 0 && remaining > 0 ? String.format(Locale.ROOT, " | ~%s left",
                dev.convlab.train.Progress.clock(elapsed / ranThisRun * remaining)) : "";
        if (o.ok()) {
            out.printf(Locale.ROOT, "[%d/%d] trial %d %s: %s %.4f ± %.4f (%.0f s) | best %.4f (trial %d)%s%n",
                    finished, plan.trials().size(), t.index(), params, plan.metric(), o.mean(), o.std(), o.seconds(),
                    bestSoFar, bestTrial, eta);
        } else {
            out.printf(Locale.ROOT, "[%d/%d] trial %d %s FAILED: %s%s%n", finished, plan.trials().size(), t.index(),
                    params, o.error(), eta);
        }
        out.flush();
    }

    private void noteBest(int index, double mean) {
        if (Double.isNaN(mean)) {
            return;
        }
        if (Double.isNaN(bestSoFar) || (plan.higherIsBetter() ? mean > bestSoFar : mean < bestSoFar)) {
            bestSoFar = mean;
            bestTrial = index;
        }
    }

    private ResultsTable table(SweepLedger ledger) {
        List<ResultsTable.Row> rows = new ArrayList<>();
        for (SweepPlan.PlannedTrial t : plan.trials()) {
            Map<String, Object> e = ledger.entry(t.key());
            List<Double> scores = scores(e);
            String status = (String) e.get("status");
            rows.add(new ResultsTable.Row(t.index(), t.key(), t.params(), status, scores, TrialOutcome.mean(scores),
                    TrialOutcome.std(scores), e.get("seconds") instanceof Number n ? n.doubleValue() : 0,
                    (String) e.get("error"), 0));
        }
        return new ResultsTable(rows, plan.metric(), plan.higherIsBetter(), plan.folds());
    }

    private static List<Double> scores(Map<String, Object> e) {
        List<Double> scores = new ArrayList<>();
        if (e.get("scores") instanceof List<?> l) {
            for (Object o : l) {
                scores.add(o instanceof Number n ? n.doubleValue() : Double.NaN);
            }
        }
        return scores;
    }

    /** The best setting on all the training data (no validation split), evaluated on the test split. */
    private void refit(Path dir, ResultsTable.Row best, Map<String, Object> bestMap) {
        SweepPlan.PlannedTrial trial = plan.trials().stream().filter(t -> t.index() == best.index()).findFirst()
                .orElseThrow();
        Path refitDir = dir.resolve("refit");
        LoadedConfig loaded = ConfigLoader.load(trial.config().resolvedYaml(), "refit of trial " + trial.index(),
                List.of("data.validation_split=0.0"));
        out.println("refit: trial " + trial.index() + " " + ResultsTable.value(trial.params())
                + " on all the training data -> " + refitDir);
        TrainRun run;
        if (Files.isRegularFile(refitDir.resolve("model.zip"))) {
            out.println("refit: already done (" + refitDir.resolve("model.zip") + ")");
            return;
        }
        if (Files.isRegularFile(refitDir.resolve("checkpoints.json"))) {
            run = TrainRun.resume(refitDir, loaded, false, out, false);
        } else {
            try {
                TrialFiles.deleteTree(refitDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            run = new TrainRun(loaded, out, false).into(refitDir);
        }
        TrainRun.Result result = run.run();
        bestMap.put("refit_test_accuracy", result.test().accuracy());
        bestMap.put("refit_model", refitDir.resolve("model.zip").toString());
        try {
            Map<String, Object> json = Json.read(Files.readString(dir.resolve("results.json")));
            json.putAll(bestMap);
            AtomicFiles.write(dir.resolve("results.json"), Json.write(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new sweep folder with the sweep file's text and where it came from. */
    static Path createFolder(SweepPlan plan, Path sweepFile) {
        try {
            // named and never reused like a run directory: <output_dir>/<name>-<yyyyMMdd-HHmmss>[-n]
            Path dir = dev.convlab.train.RunDirectory.create(Path.of(plan.outputDir()), plan.name(),
                    LocalDateTime.now()).path();
            AtomicFiles.write(dir.resolve(SWEEP), plan.sweepText());
            AtomicFiles.write(dir.resolve(SOURCE), sweepFile.toAbsolutePath().normalize() + "\n");
            return dir;
        } catch (IOException e) {
            throw new BadInput(plan.outputDir(), "cannot write the sweep folder: " + e.getMessage(),
                    "set output_dir to a writable folder");
        }
    }

}
