package dev.convlab.sweep;

import dev.convlab.config.yaml.LoadedConfig;
import java.util.List;
import java.util.Map;

/**
 * What a sweep will run, everything checked: the trials with their validated configs, how each is scored, how many
 * run at once and what a failure does. Made from the sweep file before anything starts.
 *
 * @param sweepText   the sweep file as written (kept in the sweep folder; a changed file is refused on resume)
 * @param folds       K of K-fold cross-validation, or 0 for the holdout (the config's validation_split)
 * @param retries     extra attempts for a failed trial (on_trial_error: retry(N))
 * @param failFast    stop the sweep at the first failed trial (on_trial_error: fail_fast)
 * @param threads     ND4J threads of each trial process
 * @param halving     strategy: halving's settings, or null for the full grid
 */
public record SweepPlan(String name, String sweepText, List<PlannedTrial> trials, int folds, String metric,
                        boolean higherIsBetter, int parallel, int threads, int retries, boolean failFast,
                        boolean refit, String outputDir, List<String> notes, Halving halving) {

    /** The same plan over other trials (a round of successive halving), without refit and halving. */
    SweepPlan round(List<PlannedTrial> roundTrials) {
        return new SweepPlan(name, sweepText, roundTrials, folds, metric, higherIsBetter,
                Math.min(parallel, Math.max(1, roundTrials.size())), threads, retries, failFast, false, outputDir,
                List.of(), null);
    }

    /** One grid point: its parameters, the hash of its resolved config, and the config. */
    public record PlannedTrial(int index, String key, Map<String, Object> params, LoadedConfig config) {
    }
}
