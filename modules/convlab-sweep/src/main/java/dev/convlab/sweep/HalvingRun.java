package dev.convlab.sweep;

import dev.convlab.config.BadInput;
import dev.convlab.config.yaml.ConfigLoader;
import dev.convlab.config.yaml.LoadedConfig;
import dev.convlab.train.AtomicFiles;
import dev.convlab.train.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Successive halving with epochs as the resource, as scikit-learn's HalvingGridSearchCV: every trial first trains
 * min_epochs epochs; the best 1/factor of them go on with factor times as many, and so on until one is left or the
 * config's full epochs are reached; the best of the last round wins. Each round is a sweep of its own
 * (rounds/round-N/, with its ledger), so a killed halving sweep resumes round by round. halving.md reports the
 * compute used in trial-epochs against the full grid.
 */
public final class HalvingRun {
    private final SweepPlan plan;
    private final Path sweepFile;
    private final PrintWriter out;
    private final Path resumeDir;

    private HalvingRun(SweepPlan plan, Path sweepFile, PrintWriter out, Path resumeDir) {
        this.plan = plan;
        this.sweepFile = sweepFile;
        this.out = out;
        this.resumeDir = resumeDir;
    }

    public static HalvingRun start(SweepPlan plan, Path sweepFile, PrintWriter out) {
        return new HalvingRun(plan, sweepFile, out, null);
    }

    public static HalvingRun resume(Path dir, SweepPlan plan, Path sweepFile, boolean force, PrintWriter out) {
        SweepRun.refuseIfChanged(dir, plan, force, out);
        return new HalvingRun(plan, sweepFile, out, dir);
    }

    public SweepRun.Result run() {
        Path dir = resumeDir != null ? resumeDir : SweepRun.createFolder(plan, sweepFile);
        int full = plan.trials().stream().mapToInt(t -> t.config().config().training().epochs()).max().orElse(1);
        int factor = plan.halving().factor();
        int budget = Math.min(plan.halving().minEpochs(), full);
        List<SweepPlan.PlannedTrial> candidates = plan.trials();
        int folds = Math.max(plan.folds(), 1);
        long used = 0;
        List<Map<String, Object>> rounds = new ArrayList<>();
        SweepRun.Result last = null;
        out.printf(Locale.ROOT, "halving sweep: %s%n%d trials, factor %d, epochs from %d up to %d%n", dir,
                candidates.size(), factor, budget, full);
        for (int round = 1; ; round++) {
            List<SweepPlan.PlannedTrial> withBudget = new ArrayList<>();
            for (SweepPlan.PlannedTrial t : candidates) {
                LoadedConfig c = ConfigLoader.load(t.config().resolvedYaml(), "trial " + t.index() + " round " + round,
                        List.of("training.epochs=" + budget));
                withBudget.add(new SweepPlan.PlannedTrial(t.index(), c.hash(), t.params(), c));
            }
            out.printf(Locale.ROOT, "%nround %d: %d trial%s, %d epoch%s each%n", round, withBudget.size(),
                    withBudget.size() == 1 ? "" : "s", budget, budget == 1 ? "" : "s");
            last = SweepRun.round(dir.resolve("rounds/round-" + round), plan.round(withBudget), out).run();
            used += (long) withBudget.size() * budget * folds;
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("round", round);
            r.put("epochs", budget);
            r.put("trials", withBudget.size());
            r.put("best", last.best());
            rounds.add(r);
            if (budget >= full || withBudget.size() == 1) {
                break;
            }
            int keep = Math.max(1, (int) Math.ceil(withBudget.size() / (double) factor));
            List<Integer> best = last.table().stream().filter(row -> row.get("rank") != null).limit(keep)
                    .map(row -> ((Number) row.get("index")).intValue()).toList();
            if (best.isEmpty()) {
                throw new BadInput(dir.toString(), "no trial of round " + round + " succeeded",
                        "see the errors above");
            }
            candidates = plan.trials().stream().filter(t -> best.contains(t.index())).toList();
            budget = Math.min(budget * factor, full);
        }
        long fullGrid = (long) plan.trials().size() * full * folds;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rounds", rounds);
        summary.put("trial_epochs", used);
        summary.put("full_grid_trial_epochs", fullGrid);
        summary.put("saved", 1 - used / (double) fullGrid);
        summary.put("best", last.best());
        try {
            AtomicFiles.write(dir.resolve("halving.json"), Json.write(summary));
            AtomicFiles.write(dir.resolve("halving.md"), markdown(rounds, used, fullGrid, last.best()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.printf(Locale.ROOT, "%nhalving: %d trial-epochs against %d for the full grid (%.0f%% saved)%n", used,
                fullGrid, 100 * (1 - used / (double) fullGrid));
        out.println("best_params: " + ResultsTable.value(last.best().get("best_params")));
        out.println("report: " + dir.resolve("halving.md"));
        return last;
    }

    private static String markdown(List<Map<String, Object>> rounds, long used, long full, Map<String, Object> best) {
        StringBuilder md = new StringBuilder("# Successive halving\n\n| round | epochs | trials | best of round | score |\n"
                + "| --- | --- | --- | --- | --- |\n");
        for (Map<String, Object> r : rounds) {
            Map<?, ?> b = (Map<?, ?>) r.get("best");
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", r.get("round"), r.get("epochs"),
                    r.get("trials"), b.isEmpty() ? "-" : ResultsTable.value(b.get("best_params")),
                    b.isEmpty() ? "-" : String.format(Locale.ROOT, "%.4f", ((Number) b.get("best_score")).doubleValue())));
        }
        md.append(String.format(Locale.ROOT, "%nCompute: **%d trial-epochs** against %d for the full grid (%.0f%% saved)."
                + "%n%nBest setting: `%s`%n", used, full, 100 * (1 - used / (double) full),
                ResultsTable.value(best.get("best_params"))));
        return md.toString();
    }
}
