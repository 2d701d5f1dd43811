package dev.convlab.sweep;

import dev.convlab.config.BadInput;
import dev.convlab.config.DataConfig;
import dev.convlab.config.yaml.ConfigError;
import dev.convlab.config.yaml.ConfigLoader;
import dev.convlab.config.yaml.LoadedConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A sweep's trials: expanded from the grid or drawn from the params, then checked, all of them, before any trains. */
public final class Trials {
    /** Draws per wanted trial before a random search gives up finding new configs (a small discrete space). */
    private static final int DRAWS_PER_TRIAL = 20;

    private Trials() {
    }

    /**
     * The trials of a sweep. A grid gives the cartesian product of its lists, paths in the file's order, the last
     * varying fastest. A random search draws values with {@code SplittableRandom(seed)}, trial after trial and path
     * after path in the file's order, until it has n_trials distinct configs (or 20 draws per trial, for a space
     * with fewer): the same seed gives the same trials. A point whose config equals an earlier one's (same key) is
     * dropped, with a note.
     */
    public static Expansion expand(LoadedSweep sweep) {
        return sweep.spec().search() == Search.GRID ? grid(sweep) : random(sweep);
    }

    private static Expansion grid(LoadedSweep sweep) {
        List<String> paths = new ArrayList<>(sweep.spec().grid().keySet());
        List<List<Object>> lists = new ArrayList<>(sweep.spec().grid().values());
        int count = 1;
        for (List<Object> list : lists) {
            count *= list.size();
        }
        List<Trial> trials = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Trial> byKey = new LinkedHashMap<>();
        for (int index = 0; index < count; index++) {
            Object[] chosen = new Object[paths.size()];
            int rest = index;
            for (int p = paths.size() - 1; p >= 0; p--) {
                chosen[p] = lists.get(p).get(rest % lists.get(p).size());
                rest /= lists.get(p).size();
            }
            Map<String, Object> point = new LinkedHashMap<>();
            for (int p = 0; p < paths.size(); p++) {
                point.put(paths.get(p), chosen[p]);
            }
            Trial trial = trial(sweep, index, point);
            Trial first = byKey.putIfAbsent(trial.key(), trial);
            if (first == null) {
                trials.add(trial);
            } else {
                notes.add("dropped " + trial.describe() + ": its config is the same as " + first.describe() + "'s");
            }
        }
        return new Expansion(trials, notes);
    }

    private static Expansion random(LoadedSweep sweep) {
        SweepSpec spec = sweep.spec();
        SplittableRandom random = new SplittableRandom(spec.seed());
        int wanted = spec.nTrials();
        int limit = wanted * DRAWS_PER_TRIAL;
        List<Trial> trials = new ArrayList<>();
        Map<String, Trial> byKey = new LinkedHashMap<>();
        int draws = 0;
        int repeats = 0;
        while (trials.size() < wanted && draws < limit) {
            Map<String, Object> point = new LinkedHashMap<>();
            spec.params().forEach((path, distribution) -> point.put(path, distribution.draw(random)));
            Trial trial = trial(sweep, draws++, point);
            if (byKey.putIfAbsent(trial.key(), trial) == null) {
                trials.add(trial);
            } else {
                repeats++;
            }
        }
        List<String> notes = new ArrayList<>();
        if (repeats > 0) {
            notes.add("dropped " + repeats + (repeats == 1 ? " draw that repeated" : " draws that repeated")
                    + " the config of an earlier trial");
        }
        if (trials.size() < wanted) {
            notes.add("found " + trials.size() + " distinct configs in " + draws + " draws, fewer than n_trials: "
                    + wanted + " (params hold fewer combinations)");
        }
        return new Expansion(trials, notes);
    }

    private static Trial trial(LoadedSweep sweep, int index, Map<String, Object> point) {
        List<String> overrides = new ArrayList<>(sweep.spec().commonOverrides());
        point.forEach((path, value) -> overrides.add(PlainValues.assignment(path, value)));
        String key;
        try {
            key = ConfigLoader.load(sweep.baseConfig(), overrides).hash();
        } catch (BadInput e) {
            key = sha256("config that does not load\n" + sweep.baseConfig() + "\n" + String.join("\n", overrides));
        }
        return new Trial(index, point, overrides, key);
    }

    /**
     * Loads every trial's config, as training will load it, before any trains. The base config (with the sweep's
     * set and holdout) must load on its own, and must hold data out when the metric is a val_ one and there is no
     * cv (holdout cannot replace a separate validation folder). With strategy halving every trial must have at
     * least min_epochs epochs. Every trial that fails is listed, by index and params, with its config error pointed at the sweep file's
     * value that caused it; one {@link BadInput} carries them all.
     *
     * @return the trials' configs, the i-th for the i-th trial
     */
    public static List<LoadedConfig> check(LoadedSweep sweep, List<Trial> trials) {
        SweepSpec spec = sweep.spec();
        LoadedConfig base;
        try {
            base = ConfigLoader.load(sweep.baseConfig(), spec.commonOverrides());
        } catch (BadInput e) {
            throw Blame.locate(sweep, Map.of(), e);
        }
        DataConfig data = base.config().data();
        if (spec.metric().startsWith("val_") && spec.cv() == null && spec.holdout() == null
                && data.validationSplit() == 0 && data.validationPath() == null) {
            throw new ConfigError(sweep.sources().key("metric"), "metric", "'" + spec.metric()
                    + "' needs held-out data, and the base config holds none out (its data.validation_split is 0.0)",
                    "add holdout: 0.2 or cv: 3 to the sweep, or score by " + spec.metric().substring(4));
        }
        if (spec.holdout() != null && data.validationPath() != null) {
            throw new ConfigError(sweep.sources().key("holdout"), "holdout", "the base config validates on its own folder "
                    + "(data.validation_path), so a held-out fraction would not be used",
                    "remove holdout to score on that folder, or use cv: K");
        }
        List<LoadedConfig> configs = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Trial trial : trials) {
            try {
                LoadedConfig config = ConfigLoader.load(sweep.baseConfig(), trial.overrides());
                int epochs = config.config().training().epochs();
                if (spec.halving() != null && epochs < spec.halving().minEpochs()) {
                    failures.add(trial.describe() + ": " + new ConfigError(sweep.sources().key("halving"),
                            "halving.min_epochs", "its " + epochs + " epochs are fewer than the first round's "
                            + spec.halving().minEpochs(), "lower min_epochs or give the trial more epochs").oneLine());
                }
                configs.add(config);
            } catch (BadInput e) {
                failures.add(trial.describe() + ": " + Blame.locate(sweep, trial.params(), e).oneLine());
            }
        }
        if (!failures.isEmpty()) {
            throw new BadInput(sweep.file().toString(), failures.size() + " of " + trials.size()
                    + (trials.size() == 1 ? " trial has" : " trials have") + " a config that does not load:\n  "
                    + String.join("\n  ", failures) + "\n",
                    "change or remove those values; no trial starts until every one loads");
        }
        return configs;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
