package dev.convlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.BadInput;
import dev.convlab.config.callbacks.Mode;
import dev.convlab.config.yaml.ConfigError;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep file: every key, its default, and a located error with a fix for each rule. */
class SweepLoaderTest {
    static final String GRID = """
            name: batch-and-epochs
            base: ../mnist-cnn.yaml
            grid:
              data.batch_size: [16, 32, 64]
              training.epochs: [2, 4]
            """;
    @TempDir
    Path dir;

    LoadedSweep load(String yaml) {
        return SweepLoader.load(SweepFiles.write(dir, yaml));
    }

    ConfigError fail(String yaml) {
        return assertThrows(ConfigError.class, () -> load(yaml));
    }

    String file() {
        return dir.resolve("sweeps/sweep.yaml").toString();
    }

    @Test
    void aGridSweepGetsEveryDefault() {
        LoadedSweep sweep = load(GRID);
        SweepSpec s = sweep.spec();
        assertEquals("batch-and-epochs", s.name());
        assertEquals(Search.GRID, s.search());
        assertEquals(List.of("data.batch_size", "training.epochs"), s.paths());
        assertEquals(List.of(16, 32, 64), s.grid().get("data.batch_size"));
        assertEquals(Map.of(), s.params());
        assertEquals(Map.of(), s.set());
        assertNull(s.nTrials());
        assertEquals(0L, s.seed());
        assertNull(s.cv());
        assertNull(s.holdout());
        assertEquals("val_accuracy", s.metric());
        assertEquals(Mode.AUTO, s.mode());
        assertTrue(s.higherIsBetter());
        assertTrue(s.refit());
        assertNull(s.parallel());
        assertEquals(OnTrialError.CONTINUE, s.onTrialError());
        assertEquals(Strategy.FULL, s.strategy());
        assertNull(s.halving());
        assertEquals("runs/sweeps", s.outputDir());
        assertEquals(dir.resolve("mnist-cnn.yaml"), sweep.baseConfig());
        assertEquals(GRID, sweep.text());
        assertEquals(List.of(), s.commonOverrides());
    }

    @Test
    void everyKeyOfTheFormatIsRead() {
        LoadedSweep sweep = load("""
                name: full
                base: ../mnist-cnn.yaml
                search: random
                set: {data.max_train_samples: 2000, training.optimizer: {type: sgd, momentum: 0.5}}
                params:
                  training.optimizer.learning_rate: {loguniform: [1.0e-4, 1.0e-1]}
                  model.layers[0].conv2d.filters: {int: [4, 16]}
                  training.epochs: {choice: [1, 2]}
                  data.batch_size: [16, 32]
                  training.optimizer.momentum: {uniform: [0.0, 0.5]}
                n_trials: 10
                seed: 1
                holdout: 0.2
                metric: val_loss
                mode: min
                refit: false
                parallel: 2
                on_trial_error: retry(3)
                strategy: halving
                halving: {factor: 2, min_epochs: 1}
                output_dir: out/sweeps
                """);
        SweepSpec s = sweep.spec();
        assertEquals(Search.RANDOM, s.search());
        assertEquals(new Distribution.LogUniform(1.0e-4, 0.1), s.params().get("training.optimizer.learning_rate"));
        assertEquals(new Distribution.IntUniform(4, 16), s.params().get("model.layers[0].conv2d.filters"));
        assertEquals(new Distribution.Choice(List.of(1, 2)), s.params().get("training.epochs"));
        assertEquals(new Distribution.Choice(List.of(16, 32)), s.params().get("data.batch_size"), "a list is a choice");
        assertEquals(new Distribution.Uniform(0.0, 0.5), s.params().get("training.optimizer.momentum"));
        assertEquals(10, s.nTrials());
        assertEquals(1L, s.seed());
        assertEquals(0.2, s.holdout());
        assertEquals("val_loss", s.metric());
        assertEquals(Mode.MIN, s.mode());
        assertEquals(false, s.higherIsBetter());
        assertEquals(false, s.refit());
        assertEquals(2, s.parallel());
        assertEquals(new OnTrialError(OnTrialError.Action.RETRY, 3), s.onTrialError());
        assertEquals("retry(3)", s.onTrialError().toString());
        assertEquals(new Halving(2, 1), s.halving());
        assertEquals("out/sweeps", s.outputDir());
        Map<String, Object> optimizer = new LinkedHashMap<>();
        optimizer.put("type", "sgd");
        optimizer.put("momentum", 0.5);
        assertEquals(optimizer, s.set().get("training.optimizer"));
        assertEquals(List.of("data.validation_split=0.2", "data.max_train_samples=2000",
                "training.optimizer={type: sgd, momentum: 0.5}"), s.commonOverrides());
    }

    @Test
    void anUnknownKeyGetsDidYouMeanAtItsLineAndColumn() {
        ConfigError e = fail(GRID.replace("grid:", "gird:"));
        assertEquals(file() + ":3:1 gird: unknown key 'gird' (did you mean 'grid'?)", e.oneLine());
        ConfigError f = fail(GRID + "n_trails: 4\n");
        assertEquals(file() + ":6:1 n_trails: unknown key 'n_trails' (did you mean 'n_trials'?)", f.oneLine());
        ConfigError h = fail(GRID + "strategy: halving\nhalving: {factor: 2, min_epoch: 1}\n");
        assertEquals(file() + ":7:22 halving.min_epoch: unknown key 'min_epoch' in halving (did you mean 'min_epochs'?)",
                h.oneLine());
    }

    @Test
    void aMisspeltNameGetsDidYouMean() {
        ConfigError e = fail(GRID + "search: gird\n");
        assertEquals(file() + ":6:9 search: 'gird' is not a valid search (did you mean 'grid'?)", e.oneLine());
        ConfigError d = fail("""
                name: r
                base: ../mnist-cnn.yaml
                search: random
                n_trials: 3
                params:
                  training.optimizer.learning_rate: {logunifrom: [1.0e-4, 1.0e-1]}
                """);
        assertEquals(file() + ":6:38 params.training.optimizer.learning_rate: 'logunifrom' is not a valid distribution "
                + "kind (did you mean 'loguniform'?)", d.oneLine());
        ConfigError m = fail(GRID + "mode: maxx\n");
        assertEquals(6, m.location().line());
        assertTrue(m.oneLine().contains("mode: 'maxx' is not a valid mode (did you mean 'max'?)"), m.oneLine());
    }

    @Test
    void theGridMustHoldNonEmptyListsOfDistinctValues() {
        ConfigError empty = fail(GRID.replace("""
                  data.batch_size: [16, 32, 64]
                  training.epochs: [2, 4]
                """, "  {}\n"));
        assertEquals("grid", empty.yamlPath());
        assertTrue(empty.why().contains("search: grid needs at least one path in grid"), empty.why());
        ConfigError missing = fail("name: x\nbase: ../mnist-cnn.yaml\n");
        assertEquals("grid", missing.yamlPath());
        ConfigError emptyList = fail(GRID.replace("[2, 4]", "[]"));
        assertEquals(file() + ":5:20 grid.training.epochs: the list of values is empty (write at least one value, "
                + "e.g. [16, 32])", emptyList.oneLine());
        ConfigError notAList = fail(GRID.replace("[2, 4]", "4"));
        assertEquals(file() + ":5:20 grid.training.epochs: expected a list of values, found '4' (write [4] to try "
                + "one value, [a, b] for several)", notAList.oneLine());
        ConfigError twice = fail(GRID.replace("[16, 32, 64]", "[16, 32, 16]"));
        assertEquals("grid.data.batch_size", twice.yamlPath());
        assertTrue(twice.why().contains("the value 16 appears twice"), twice.why());
        ConfigError path = fail(GRID.replace("data.batch_size:", "data..batch_size:"));
        assertEquals(4, path.location().line());
        assertTrue(path.why().contains("'data..batch_size' is not a config path"), path.why());
    }

    @Test
    void theValidationDataIsTheSameForEveryTrial() {
        ConfigError e = fail(GRID.replace("training.epochs", "data.validation_split"));
        assertEquals("grid.data.validation_split", e.yamlPath());
        assertTrue(e.fix().contains("holdout"), e.fix());
        ConfigError both = fail(GRID + "set: {data.batch_size: 8}\n");
        assertEquals("set.data.batch_size", both.yamlPath());
        assertTrue(both.why().contains("both set for every trial and searched"), both.why());
    }

    @Test
    void randomSearchNeedsParamsAndNTrialsAndGridNeedsNeither() {
        ConfigError noParams = fail("name: r\nbase: ../mnist-cnn.yaml\nsearch: random\nn_trials: 3\n");
        assertEquals("params", noParams.yamlPath());
        ConfigError noTrials = fail("""
                name: r
                base: ../mnist-cnn.yaml
                search: random
                params: {data.batch_size: {int: [8, 64]}}
                """);
        assertEquals("n_trials", noTrials.yamlPath());
        assertTrue(noTrials.oneLine().contains("search: random needs n_trials (add n_trials: 10)"), noTrials.oneLine());
        ConfigError gridWithN = fail(GRID + "n_trials: 5\n");
        assertEquals(file() + ":6:11 n_trials: a grid search tries every combination of grid (remove n_trials, or "
                + "write search: random)", gridWithN.oneLine());
        ConfigError gridWithParams = fail(GRID + "params: {data.batch_size: [8]}\n");
        assertEquals("params", gridWithParams.yamlPath());
        ConfigError bounds = fail("""
                name: r
                base: ../mnist-cnn.yaml
                search: random
                n_trials: 3
                params: {training.optimizer.learning_rate: {loguniform: [0.0, 0.1]}}
                """);
        assertEquals("params.training.optimizer.learning_rate.loguniform", bounds.yamlPath());
        assertTrue(bounds.why().contains("needs 0 < low < high"), bounds.why());
        ConfigError pair = fail("""
                name: r
                base: ../mnist-cnn.yaml
                search: random
                n_trials: 3
                params: {data.batch_size: {int: [8]}}
                """);
        assertTrue(pair.oneLine().contains("expected [low, high], found a list"), pair.oneLine());
    }

    @Test
    void cvAndHoldoutAreExclusiveAndInRange() {
        ConfigError both = fail(GRID + "cv: 3\nholdout: 0.2\n");
        assertEquals(file() + ":7:10 holdout: cv and holdout are both given (keep one: cv: K for K-fold "
                + "cross-validation, or holdout: <fraction>)", both.oneLine());
        ConfigError oneFold = fail(GRID + "cv: 1\n");
        assertEquals("cv", oneFold.yamlPath());
        assertEquals(6, oneFold.location().line());
        ConfigError notFraction = fail(GRID + "holdout: 1.5\n");
        assertEquals("holdout", notFraction.yamlPath());
        ConfigError wholeCv = fail(GRID + "cv: 2.5\n");
        assertTrue(wholeCv.why().contains("expected a whole number"), wholeCv.why());
    }

    @Test
    void onTrialErrorIsContinueFailFastOrRetryN() {
        assertEquals(OnTrialError.FAIL_FAST, load(GRID + "on_trial_error: fail_fast\n").spec().onTrialError());
        assertEquals(new OnTrialError(OnTrialError.Action.RETRY, 2), load(GRID + "on_trial_error: retry(2)\n")
                .spec().onTrialError());
        for (String wrong : List.of("retry(0)", "retry", "retry(-1)", "ignore", "'retry(2) please'")) {
            ConfigError e = fail(GRID + "on_trial_error: " + wrong + "\n");
            assertEquals("on_trial_error", e.yamlPath(), wrong);
            assertEquals(6, e.location().line(), wrong);
            assertTrue(e.fix().contains("retry(N)"), e.fix());
        }
    }

    @Test
    void halvingSettingsNeedStrategyHalving() {
        ConfigError e = fail(GRID + "halving: {factor: 3}\n");
        assertEquals(file() + ":6:10 halving: halving settings are for strategy: halving (add strategy: halving, or "
                + "remove halving)", e.oneLine());
        assertEquals(Halving.DEFAULT, load(GRID + "strategy: halving\n").spec().halving());
        ConfigError factor = fail(GRID + "strategy: halving\nhalving: {factor: 1}\n");
        assertEquals("halving.factor", factor.yamlPath());
        assertEquals(7, factor.location().line());
    }

    @Test
    void nameMetricAndBaseAreChecked() {
        ConfigError name = fail(GRID.replace("name: batch-and-epochs", "name: 'my sweep'"));
        assertEquals("name", name.yamlPath());
        assertTrue(name.why().contains("not usable in a folder name"), name.why());
        ConfigError noName = fail(GRID.replace("name: batch-and-epochs\n", ""));
        assertTrue(noName.why().contains("the required key 'name' is missing"), noName.why());
        ConfigError metric = fail(GRID + "metric: val_acc\n");
        assertEquals(file() + ":6:9 metric: 'val_acc' is not a score a trial reports (use one of: val_accuracy, "
                + "val_loss, accuracy, loss)", metric.oneLine());
        ConfigError base = fail(GRID.replace("../mnist-cnn.yaml", "mnist-cnn.yaml"));
        assertEquals("base", base.yamlPath());
        assertEquals(2, base.location().line());
        assertTrue(base.why().contains("no config file at " + dir.resolve("sweeps/mnist-cnn.yaml")), base.why());
        ConfigError parallel = fail(GRID + "parallel: 0\n");
        assertEquals("parallel", parallel.yamlPath());
    }

    @Test
    void theFileMustBeStrictYaml() {
        ConfigError twice = fail(GRID + "name: again\n");
        assertTrue(twice.why().contains("appears twice"), twice.why());
        ConfigError tag = fail(GRID + "seed: !!python/object 1\n");
        assertTrue(tag.why().contains("is not allowed"), tag.why());
        BadInput none = assertThrows(BadInput.class, () -> SweepLoader.load(dir.resolve("nope.yaml")));
        assertEquals(dir.resolve("nope.yaml") + ": no such sweep file (check the path)", none.oneLine());
        ConfigError list = fail("- a\n- b\n");
        assertInstanceOf(ConfigError.class, list);
        assertTrue(list.why().contains("expected a mapping of keys"), list.why());
    }
}
