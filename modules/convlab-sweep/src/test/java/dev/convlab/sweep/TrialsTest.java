package dev.convlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.BadInput;
import dev.convlab.config.layers.Conv2D;
import dev.convlab.config.optim.Adam;
import dev.convlab.config.optim.Sgd;
import dev.convlab.config.yaml.ConfigError;
import dev.convlab.config.yaml.ConfigLoader;
import dev.convlab.config.yaml.LoadedConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expanding a sweep into trials on the real example configs, and checking every trial before any trains. */
class TrialsTest {
    @TempDir
    Path dir;

    LoadedSweep sweep(String body) {
        return SweepLoader.load(SweepFiles.write(dir, "name: t\nbase: ../mnist-cnn.yaml\n" + body));
    }

    static List<Map<String, Object>> params(Expansion expansion) {
        return expansion.trials().stream().map(Trial::params).toList();
    }

    /** 1-based column of the first {@code text} on 1-based line {@code line} of the sweep file. */
    int column(int line, String text) throws IOException {
        return Files.readAllLines(dir.resolve("sweeps/sweep.yaml")).get(line - 1).indexOf(text) + 1;
    }

    String file() {
        return dir.resolve("sweeps/sweep.yaml").toString();
    }

    @Test
    void aGridIsTheCartesianProductInTheFilesOrderLastPathFastest() {
        LoadedSweep sweep = sweep("""
                grid:
                  data.batch_size: [16, 32, 64]
                  training.epochs: [2, 4]
                """);
        Expansion e = Trials.expand(sweep);
        assertEquals(List.of(
                Map.of("data.batch_size", 16, "training.epochs", 2), Map.of("data.batch_size", 16, "training.epochs", 4),
                Map.of("data.batch_size", 32, "training.epochs", 2), Map.of("data.batch_size", 32, "training.epochs", 4),
                Map.of("data.batch_size", 64, "training.epochs", 2), Map.of("data.batch_size", 64, "training.epochs", 4)),
                params(e));
        assertEquals(List.of(0, 1, 2, 3, 4, 5), e.trials().stream().map(Trial::index).toList());
        assertEquals(List.of("data.batch_size", "training.epochs"), List.copyOf(e.trials().get(0).params().keySet()));
        assertEquals(List.of("data.batch_size=64", "training.epochs=4"), e.trials().get(5).overrides());
        assertEquals(List.of(), e.notes());
        List<LoadedConfig> configs = Trials.check(sweep, e.trials());
        assertEquals(64, configs.get(5).config().data().batchSize());
        assertEquals(4, configs.get(5).config().training().epochs());

        Expansion three = Trials.expand(sweep("""
                grid:
                  data.batch_size: [16, 32]
                  training.epochs: [1, 2, 3]
                  seed: [1, 2]
                """));
        assertEquals(2 * 3 * 2, three.trials().size());
        assertEquals(Map.of("data.batch_size", 16, "training.epochs", 1, "seed", 2), three.trials().get(1).params());
        assertEquals(Map.of("data.batch_size", 16, "training.epochs", 2, "seed", 1), three.trials().get(2).params());
    }

    @Test
    void listIndexPathsAndMappingValuesReachTheConfig() {
        LoadedSweep sweep = sweep("""
                grid:
                  model.layers[0].conv2d.filters: [4, 8]
                  training.optimizer: [sgd, {type: adam, learning_rate: 0.01}]
                """);
        List<Trial> trials = Trials.expand(sweep).trials();
        assertEquals(List.of("model.layers[0].conv2d.filters=4", "training.optimizer={type: adam, learning_rate: 0.01}"),
                trials.get(1).overrides());
        assertEquals(Map.of("type", "adam", "learning_rate", 0.01), trials.get(1).params().get("training.optimizer"));
        List<LoadedConfig> configs = Trials.check(sweep, trials);
        assertEquals(4, ((Conv2D) configs.get(1).config().model().layers().get(0)).filters());
        Adam adam = assertInstanceOf(Adam.class, configs.get(1).config().training().optimizer());
        assertEquals(0.01, adam.learningRate());
        Sgd sgd = assertInstanceOf(Sgd.class, configs.get(0).config().training().optimizer());
        assertEquals(0.0, sgd.momentum(), "a bare name is every default, not the base's momentum");
        assertEquals(8, ((Conv2D) configs.get(2).config().model().layers().get(0)).filters());
    }

    @Test
    void theKeyIsTheResolvedConfigsHash() {
        LoadedSweep sweep = sweep("""
                grid:
                  data.batch_size: [32, 64]
                """);
        List<Trial> trials = Trials.expand(sweep).trials();
        String base = ConfigLoader.load(dir.resolve("mnist-cnn.yaml"), List.of()).hash();
        assertEquals(base, trials.get(0).key(), "batch_size 32 is the base's own value: the same config");
        assertNotEquals(base, trials.get(1).key());
        assertEquals(64, trials.get(1).key().length());
        assertEquals(ConfigLoader.load(dir.resolve("mnist-cnn.yaml"), List.of("data.batch_size=64")).hash(),
                trials.get(1).key());
        assertEquals(trials, Trials.expand(sweep).trials(), "the same file expands to the same trials and keys");
        List<LoadedConfig> configs = Trials.check(sweep, trials);
        for (int i = 0; i < trials.size(); i++) {
            assertEquals(trials.get(i).key(), configs.get(i).hash());
        }
    }

    @Test
    void pointsThatResolveToTheSameConfigAreDroppedWithANote() {
        Expansion e = Trials.expand(sweep("""
                grid:
                  training.optimizer: [sgd, {type: sgd}, {type: sgd, learning_rate: 0.01, momentum: 0.0}, {type: sgd, momentum: 0.9}]
                """));
        assertEquals(List.of(0, 3), e.trials().stream().map(Trial::index).toList());
        assertEquals(List.of(
                "dropped trial 1 {training.optimizer: {type: sgd}}: its config is the same as trial 0 {training.optimizer: sgd}'s",
                "dropped trial 2 {training.optimizer: {type: sgd, learning_rate: 0.01, momentum: 0.0}}: its config is the "
                        + "same as trial 0 {training.optimizer: sgd}'s"), e.notes());
    }

    @Test
    void anInvalidCombinationIsNamedByItsParamsAndPointedAtItsValue() throws IOException {
        LoadedSweep sweep = SweepLoader.load(SweepFiles.write(dir, """
                name: t
                base: base-dropout.yaml
                grid:
                  model.layers[4].dropout.rate: [0.2, 1.5]
                  data.batch_size: [16, 0]
                """));
        List<Trial> trials = Trials.expand(sweep).trials();
        assertEquals(4, trials.size());
        BadInput e = assertThrows(BadInput.class, () -> Trials.check(sweep, trials));
        assertEquals(file(), e.where());
        String rate = "trial 2 {model.layers[4].dropout.rate: 1.5, data.batch_size: 16}: " + file() + ":4:"
                + column(4, "1.5") + " model.layers[4].dropout.rate: 1.5: 1.5 must be at least 0.0 and below 1.0 "
                + "(use a value in [0.0, 1.0))";
        String batch = "trial 1 {model.layers[4].dropout.rate: 0.2, data.batch_size: 0}: " + file() + ":5:"
                + column(5, "0]") + " data.batch_size: 0: 0 must be a positive whole number (use a value of 1 or more)";
        assertTrue(e.why().startsWith("3 of 4 trials have a config that does not load:\n"), e.why());
        assertTrue(e.why().contains("\n  " + batch + "\n"), e.why());
        assertTrue(e.why().contains("\n  " + rate + "\n"), e.why());
        assertTrue(e.why().contains("\n  trial 3 {model.layers[4].dropout.rate: 1.5, data.batch_size: 0}: "), e.why());
        assertTrue(!e.why().contains("trial 0 "), e.why());
    }

    @Test
    void aMisspeltPathIsPointedAtInTheSweepFileWithDidYouMean() {
        LoadedSweep sweep = sweep("""
                grid:
                  data.batch_sise: [16, 32]
                """);
        BadInput e = assertThrows(BadInput.class, () -> Trials.check(sweep, Trials.expand(sweep).trials()));
        assertTrue(e.why().contains("trial 0 {data.batch_sise: 16}: " + file() + ":4:3 data.batch_sise: unknown key "
                + "'batch_sise' in data (did you mean 'batch_size'?)"), e.why());
        LoadedSweep index = sweep("""
                grid:
                  model.layers[9].dense.units: [16]
                """);
        BadInput f = assertThrows(BadInput.class, () -> Trials.check(index, Trials.expand(index).trials()));
        assertTrue(f.why().contains("trial 0 {model.layers[9].dense.units: 16}: " + file() + ":4:33 model.layers[9]: "
                + "there is no item 9 here (check the index (items count from 0))"), f.why());
    }

    @Test
    void randomSearchIsReproducibleAndWithinItsDistributions() {
        String body = """
                search: random
                params:
                  training.optimizer.learning_rate: {loguniform: [1.0e-4, 1.0e-1]}
                  training.optimizer.momentum: {uniform: [0.0, 0.5]}
                  model.layers[0].conv2d.filters: {int: [2, 6]}
                  data.batch_size: {choice: [16, 32, 64]}
                n_trials: 12
                seed: %d
                """;
        LoadedSweep sweep = sweep(body.formatted(7));
        Expansion first = Trials.expand(sweep);
        assertEquals(12, first.trials().size());
        assertEquals(first, Trials.expand(sweep));
        assertEquals(first.trials(), Trials.expand(sweep(body.formatted(7))).trials(), "same seed, same trials");
        assertNotEquals(params(first), params(Trials.expand(sweep(body.formatted(8)))));
        for (Trial t : first.trials()) {
            double lr = (Double) t.params().get("training.optimizer.learning_rate");
            assertTrue(lr >= 1.0e-4 && lr < 1.0e-1, t.describe());
            double momentum = (Double) t.params().get("training.optimizer.momentum");
            assertTrue(momentum >= 0.0 && momentum < 0.5, t.describe());
            int filters = (Integer) t.params().get("model.layers[0].conv2d.filters");
            assertTrue(filters >= 2 && filters <= 6, t.describe());
            assertTrue(List.of(16, 32, 64).contains(t.params().get("data.batch_size")), t.describe());
        }
        List<LoadedConfig> configs = Trials.check(sweep, first.trials());
        Trial t = first.trials().get(3);
        Sgd sgd = (Sgd) configs.get(3).config().training().optimizer();
        assertEquals(t.params().get("training.optimizer.learning_rate"), sgd.learningRate(), "the drawn double, exactly");
        assertEquals(t.params().get("training.optimizer.momentum"), sgd.momentum());
    }

    @Test
    void aSmallRandomSpaceGivesWhatItHoldsWithANote() {
        Expansion e = Trials.expand(sweep("""
                search: random
                params: {training.epochs: {choice: [1, 2]}}
                n_trials: 5
                """));
        assertEquals(2, e.trials().size());
        assertEquals(new HashSet<>(List.of(1, 2)), new HashSet<>(e.trials().stream()
                .map(t -> t.params().get("training.epochs")).toList()));
        assertEquals(2, e.notes().size(), e.notes().toString());
        assertTrue(e.notes().get(1).startsWith("found 2 distinct configs in 100 draws, fewer than n_trials: 5"), e.notes().toString());
    }

    @Test
    void setAndHoldoutGoToEveryTrialBeforeItsParams() {
        LoadedSweep sweep = sweep("""
                set: {data.max_train_samples: 500}
                holdout: 0.25
                grid: {data.batch_size: [16, 32]}
                """);
        List<Trial> trials = Trials.expand(sweep).trials();
        assertEquals(List.of("data.validation_split=0.25", "data.max_train_samples=500", "data.batch_size=32"),
                trials.get(1).overrides());
        assertEquals(Map.of("data.batch_size", 32), trials.get(1).params());
        LoadedConfig config = Trials.check(sweep, trials).get(1);
        assertEquals(0.25, config.config().data().validationSplit());
        assertEquals(500, config.config().data().maxTrainSamples());
    }

    @Test
    void aValMetricNeedsHeldOutData() throws IOException {
        Path base = dir.resolve("mnist-cnn.yaml");
        LoadedSweep sweep = sweep("grid: {data.batch_size: [16]}\n");
        Files.writeString(base, Files.readString(base).replace("validation_split: 0.1", "validation_split: 0.0"));
        ConfigError e = assertThrows(ConfigError.class, () -> Trials.check(sweep, Trials.expand(sweep).trials()));
        assertEquals("metric", e.yamlPath());
        assertTrue(e.oneLine().contains("'val_accuracy' needs held-out data, and the base config holds none out"),
                e.oneLine());
        assertTrue(e.fix().contains("cv: 3"), e.fix());
        for (String fix : List.of("cv: 3\n", "holdout: 0.2\n", "metric: accuracy\n")) {
            Path file = dir.resolve("sweeps/sweep.yaml");
            Files.writeString(file, "name: t\nbase: ../mnist-cnn.yaml\ngrid: {data.batch_size: [16]}\n" + fix);
            LoadedSweep fixed = SweepLoader.load(file);
            assertEquals(1, Trials.check(fixed, Trials.expand(fixed).trials()).size(), fix);
        }
    }

    @Test
    void holdoutCannotReplaceAValidationFolder() throws IOException {
        Files.createDirectories(dir.resolve("sweeps"));
        Files.writeString(dir.resolve("folders.yaml"), """
                name: folders
                data: {dataset: image-folder, path: train, validation_path: valid, image: {height: 28, width: 28, channels: 1}}
                model: {layers: [flatten, {dense: {units: 2, activation: softmax}}]}
                """);
        Path file = dir.resolve("sweeps/sweep.yaml");
        Files.writeString(file, "name: t\nbase: ../folders.yaml\ngrid: {data.batch_size: [16]}\nholdout: 0.2\n");
        LoadedSweep sweep = SweepLoader.load(file);
        ConfigError e = assertThrows(ConfigError.class, () -> Trials.check(sweep, Trials.expand(sweep).trials()));
        assertEquals(file + ":4:10 holdout: the base config validates on its own folder (data.validation_path), so a "
                + "held-out fraction would not be used (remove holdout to score on that folder, or use cv: K)", e.oneLine());
    }

    @Test
    void theBaseMustLoadOnItsOwn() throws IOException {
        LoadedSweep sweep = sweep("grid: {data.batch_size: [16]}\n");
        Path base = dir.resolve("mnist-cnn.yaml");
        Files.writeString(base, Files.readString(base).replace("filters: 8", "filters: 0"));
        ConfigError e = assertThrows(ConfigError.class, () -> Trials.check(sweep, Trials.expand(sweep).trials()));
        assertEquals(base.toString(), e.location().source());
        assertEquals("model.layers[0].conv2d.filters", e.yamlPath());
        LoadedSweep set = sweep("set: {training.epochs: 0}\ngrid: {data.batch_size: [16]}\n");
        Files.copy(SweepFiles.CONFIGS.resolve("mnist-cnn.yaml"), base, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ConfigError s = assertThrows(ConfigError.class, () -> Trials.check(set, Trials.expand(set).trials()));
        assertEquals(file() + ":3:24 training.epochs: 0: 0 must be a positive whole number (use a value of 1 or more)",
                s.oneLine());
    }

    @Test
    void halvingNeedsEveryTrialToTrainItsFirstRound() {
        LoadedSweep sweep = sweep("""
                grid: {training.epochs: [1, 3]}
                strategy: halving
                halving: {min_epochs: 2}
                """);
        BadInput e = assertThrows(BadInput.class, () -> Trials.check(sweep, Trials.expand(sweep).trials()));
        assertTrue(e.why().startsWith("1 of 2 trials have"), e.why());
        assertTrue(e.why().contains("trial 0 {training.epochs: 1}: " + file() + ":5:10 halving.min_epochs: its 1 epochs "
                + "are fewer than the first round's 2"), e.why());
    }

    @Test
    void checkReturnsEachTrialsConfigInOrder() {
        LoadedSweep sweep = sweep("grid: {training.epochs: [3, 1, 2]}\n");
        List<Trial> trials = new ArrayList<>(Trials.expand(sweep).trials());
        java.util.Collections.reverse(trials);
        List<Integer> epochs = Trials.check(sweep, trials).stream().map(c -> c.config().training().epochs()).toList();
        assertEquals(List.of(2, 1, 3), epochs);
    }
}
