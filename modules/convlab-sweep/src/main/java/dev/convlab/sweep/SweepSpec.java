package dev.convlab.sweep;

import dev.convlab.config.Checks;
import dev.convlab.config.InvalidValue;
import dev.convlab.config.callbacks.Mode;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.Optional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * A sweep as written in its YAML file, validated when made: a base run config and the values to try in it.
 * Paths are dotted config paths with list indices, as {@code --set} takes them; values are plain Java values (see
 * {@link PlainValues}). Maps keep the file's order, which is the order of the trials.
 */
@Doc("a grid or random search over a run config")
public record SweepSpec(
        @Doc("the sweep's name; its folder is <output_dir>/<name>") String name,
        @Doc("the run config every trial starts from, relative to the sweep file") String base,
        @Doc("grid (every combination of grid's values) or random (n_trials draws from params)") @Default("grid") Search search,
        @Doc("values every trial sets, path: value, applied before the searched ones (e.g. data.max_train_samples: 2000)")
        @Optional Map<String, Object> set,
        @Doc("search: grid; config path (list indices allowed): list of values; the last path varies fastest")
        @Optional Map<String, List<Object>> grid,
        @Doc("search: random; config path: distribution, {uniform: [a, b]}, {loguniform: [a, b]}, {int: [a, b]} or {choice: [...]}")
        @Optional Map<String, Distribution> params,
        @Doc("search: random; how many distinct configs to draw") @Optional Integer nTrials,
        @Doc("seed of the random search's draws") @Default("0") long seed,
        @Doc("score each trial by K-fold cross-validation with this many folds (at least 2); not with holdout") @Optional Integer cv,
        @Doc("score each trial on this fraction of the training data, held out; default: the base config's data.validation_split")
        @Optional Double holdout,
        @Doc("the score: val_accuracy, val_loss, accuracy or loss") @Default("val_accuracy") String metric,
        @Doc("whether the score is better lower (min) or higher (max); auto: min for *loss, max for *accuracy") @Default("auto") Mode mode,
        @Doc("train the best config once more on all the training data at the end") @Default("true") boolean refit,
        @Doc("trials trained at once; left out, the runner decides") @Optional Integer parallel,
        @Doc("when a trial fails: continue, fail_fast, or retry(N) then continue") @Default("continue") OnTrialError onTrialError,
        @Doc("full (all epochs for every trial) or halving (successive halving over epochs)") @Default("full") Strategy strategy,
        @Doc("strategy: halving; {factor: 3, min_epochs: 1}") @Optional Halving halving,
        @Doc("folder that holds the sweep folders") @Default("runs/sweeps") String outputDir) {

    /** The scores a trial reports; val_ ones come from the held-out data or the folds. */
    public static final List<String> METRICS = List.of("val_accuracy", "val_loss", "accuracy", "loss");
    /** Far more trials than a sweep of trainings can run; a bigger grid is a mistake in the file. */
    public static final int MAX_TRIALS = 10_000;

    public SweepSpec {
        Checks.notBlank("name", name);
        // the rule of RunConfig.name: the sweep's folder is named after it
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new InvalidValue("name", "'" + name + "' is not usable in a folder name",
                    "use letters, digits, '.', '_' and '-' only");
        }
        Checks.notBlank("base", base);
        if (search == null) {
            throw new InvalidValue("search", "must be grid or random", "write search: grid or search: random");
        }
        set = PlainValues.frozenMap(set);
        grid = PlainValues.frozenMap(grid);
        params = PlainValues.frozenMap(params);
        for (String path : set.keySet()) {
            ConfigPath.check("set." + path, path);
        }
        if (search == Search.GRID) {
            checkGrid(grid, params, nTrials);
        } else {
            checkRandom(grid, params, nTrials);
        }
        for (String path : search == Search.GRID ? grid.keySet() : params.keySet()) {
            if (set.containsKey(path)) {
                throw new InvalidValue("set." + path, path + " is both set for every trial and searched",
                        "remove it from set or from " + (search == Search.GRID ? "grid" : "params"));
            }
        }
        if (cv != null && cv < 2) {
            throw new InvalidValue("cv", cv + " folds: cross-validation needs at least 2", "use cv: 3 or more, or holdout");
        }
        if (holdout != null && !(holdout > 0 && holdout < 1)) {
            throw new InvalidValue("holdout", holdout + " must be above 0 and below 1", "use a fraction such as 0.2");
        }
        if (cv != null && holdout != null) {
            throw new InvalidValue("holdout", "cv and holdout are both given",
                    "keep one: cv: K for K-fold cross-validation, or holdout: <fraction>");
        }
        if (!METRICS.contains(metric)) {
            throw new InvalidValue("metric", "'" + metric + "' is not a score a trial reports",
                    "use one of: " + String.join(", ", METRICS));
        }
        if (mode == null) {
            throw new InvalidValue("mode", "must be auto, min or max", "write mode: auto");
        }
        if (parallel != null && parallel < 1) {
            throw new InvalidValue("parallel", parallel + " must be at least 1", "use 1 or more, or leave it out");
        }
        if (onTrialError == null) {
            onTrialError = OnTrialError.CONTINUE;
        }
        if (strategy == null) {
            throw new InvalidValue("strategy", "must be full or halving", "write strategy: full");
        }
        if (halving != null && strategy != Strategy.HALVING) {
            throw new InvalidValue("halving", "halving settings are for strategy: halving",
                    "add strategy: halving, or remove halving");
        }
        if (strategy == Strategy.HALVING && halving == null) {
            halving = Halving.DEFAULT;
        }
        Checks.notBlank("output_dir", outputDir);
    }

    private static void checkGrid(Map<String, List<Object>> grid, Map<String, Distribution> params, Integer nTrials) {
        if (!params.isEmpty()) {
            throw new InvalidValue("params", "params are for search: random", "write search: random, or give grid lists instead");
        }
        if (nTrials != null) {
            throw new InvalidValue("n_trials", "a grid search tries every combination of grid",
                    "remove n_trials, or write search: random");
        }
        if (grid.isEmpty()) {
            throw new InvalidValue("grid", "search: grid needs at least one path in grid",
                    "add grid: with lines such as 'data.batch_size: [16, 32, 64]'");
        }
        long count = 1;
        for (Map.Entry<String, List<Object>> axis : grid.entrySet()) {
            String field = "grid." + axis.getKey();
            ConfigPath.check(field, axis.getKey());
            List<Object> values = axis.getValue();
            if (values == null || values.isEmpty()) {
                throw new InvalidValue(field, "the list of values is empty", "write at least one value, e.g. [16, 32]");
            }
            if (new HashSet<>(values).size() != values.size()) {
                throw new InvalidValue(field, duplicate(values) + " appears twice", "keep each value once");
            }
            count *= values.size();
            if (count > MAX_TRIALS) {
                throw new InvalidValue("grid", "more than " + MAX_TRIALS + " combinations",
                        "use fewer values, or search: random with n_trials");
            }
        }
    }

    private static void checkRandom(Map<String, List<Object>> grid, Map<String, Distribution> params, Integer nTrials) {
        if (!grid.isEmpty()) {
            throw new InvalidValue("grid", "grid is for search: grid", "write search: grid, or give params distributions instead");
        }
        if (params.isEmpty()) {
            throw new InvalidValue("params", "search: random needs at least one path in params",
                    "add params: with lines such as 'training.optimizer.learning_rate: {loguniform: [1.0e-4, 1.0e-1]}'");
        }
        for (Map.Entry<String, Distribution> param : params.entrySet()) {
            ConfigPath.check("params." + param.getKey(), param.getKey());
            if (param.getValue() == null) {
                throw new InvalidValue("params." + param.getKey(), "no distribution", "write e.g. {uniform: [0.0, 0.5]}");
            }
        }
        if (nTrials == null) {
            throw new InvalidValue("n_trials", "search: random needs n_trials", "add n_trials: 10");
        }
        if (nTrials < 1 || nTrials > MAX_TRIALS) {
            throw new InvalidValue("n_trials", nTrials + " must be from 1 to " + MAX_TRIALS, "use e.g. n_trials: 10");
        }
    }

    private static String duplicate(List<Object> values) {
        List<Object> seen = new ArrayList<>();
        for (Object v : values) {
            if (seen.contains(v)) {
                return "the value " + PlainValues.flow(v);
            }
            seen.add(v);
        }
        return "a value";
    }

    /** The searched paths, in the file's order. */
    public List<String> paths() {
        return List.copyOf(search == Search.GRID ? grid.keySet() : params.keySet());
    }

    /** Whether a higher score is better: mode max, or auto with a metric ending in accuracy. */
    public boolean higherIsBetter() {
        return switch (mode) {
            case MAX -> true;
            case MIN -> false;
            case AUTO -> metric.endsWith("accuracy");
        };
    }

    /**
     * The overrides every trial starts with, before its own: {@code data.validation_split=<holdout>} when holdout is
     * given, then {@link #set()} in order.
     */
    public List<String> commonOverrides() {
        List<String> out = new ArrayList<>();
        if (holdout != null) {
            out.add(PlainValues.assignment(ConfigPath.VALIDATION_SPLIT, holdout));
        }
        set.forEach((path, value) -> out.add(PlainValues.assignment(path, value)));
        return out;
    }
}
