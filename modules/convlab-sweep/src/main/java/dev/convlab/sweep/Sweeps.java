package dev.convlab.sweep;

import dev.convlab.config.yaml.LoadedConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** From a sweep file to a checked {@link SweepPlan}: load, expand, check every trial's config, settle parallelism. */
public final class Sweeps {
    /**
     * Trials at once when the file does not say: measured on 2 cores (docs/benchmarks.md), two one-thread trials
     * finish a sweep sooner than one two-thread trial at a time.
     */
    static final int DEFAULT_PARALLEL = 2;

    private Sweeps() {
    }

    /** The plan of {@code file}; {@code parallel} (the command line's) wins over the file's. */
    public static SweepPlan plan(Path file, Integer parallel) {
        LoadedSweep sweep = SweepLoader.load(file);
        Expansion expansion = Trials.expand(sweep);
        List<LoadedConfig> configs = Trials.check(sweep, expansion.trials());
        List<SweepPlan.PlannedTrial> planned = new ArrayList<>();
        for (int i = 0; i < expansion.trials().size(); i++) {
            Trial t = expansion.trials().get(i);
            planned.add(new SweepPlan.PlannedTrial(t.index(), t.key(), t.params(), configs.get(i)));
        }
        SweepSpec spec = sweep.spec();
        int cores = Runtime.getRuntime().availableProcessors();
        int atOnce = Math.max(1, parallel != null ? parallel : spec.parallel() != null ? spec.parallel()
                : Math.min(DEFAULT_PARALLEL, cores));
        atOnce = Math.min(atOnce, Math.max(1, planned.size()));
        int threads = Math.max(1, cores / atOnce);
        OnTrialError onError = spec.onTrialError();
        return new SweepPlan(spec.name(), sweep.text(), planned, spec.cv() != null ? spec.cv() : 0, spec.metric(),
                spec.higherIsBetter(), atOnce, threads, onError.retries(),
                onError.action() == OnTrialError.Action.FAIL_FAST, spec.refit(), spec.outputDir(),
                expansion.notes(), spec.strategy() == Strategy.HALVING
                        ? (spec.halving() != null ? spec.halving() : Halving.DEFAULT) : null);
    }
}
