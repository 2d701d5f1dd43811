package dev.convlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.convlab.config.yaml.LoadedConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every sweep in configs/sweeps loads, expands and passes the check of all its trials. */
class ExampleSweepsTest {
    static final Path SWEEPS = SweepFiles.CONFIGS.resolve("sweeps");

    static List<Path> sweeps() throws IOException {
        try (Stream<Path> files = Files.list(SWEEPS)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).filter(ExampleSweepsTest::isSweep).sorted().toList();
        }
    }

    static boolean isSweep(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(l -> l.startsWith("grid:") || l.startsWith("params:"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyExampleSweepChecks() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        for (Path file : sweeps()) {
            LoadedSweep sweep = SweepLoader.load(file);
            Expansion expansion = Trials.expand(sweep);
            assertEquals(List.of(), expansion.notes(), file.toString());
            List<LoadedConfig> configs = Trials.check(sweep, expansion.trials());
            assertEquals(expansion.trials().size(), configs.size());
            assertEquals(configs.size(), new HashSet<>(configs.stream().map(LoadedConfig::hash).toList()).size(),
                    file + ": every trial a different config");
            counts.put(file.getFileName().toString(), expansion.trials().size());
        }
        assertFalse(counts.isEmpty());
        assertEquals(Map.of("activation.yaml", 8, "batch-and-epochs.yaml", 6, "dropout.yaml", 10, "init.yaml", 8,
                "learning-rate-momentum.yaml", 9, "neurons.yaml", 7, "optimizer.yaml", 7, "random-sgd.yaml", 8,
                "halving-optimizer-lr.yaml", 9), counts);
    }

    @Test
    void theTutorialsGridSearchIsThreeFoldOnASmallSample() {
        LoadedSweep sweep = SweepLoader.load(SWEEPS.resolve("batch-and-epochs.yaml"));
        assertEquals(3, sweep.spec().cv());
        assertEquals(SweepFiles.CONFIGS.resolve("mnist-cnn.yaml").normalize(), sweep.baseConfig());
        for (LoadedConfig config : Trials.check(sweep, Trials.expand(sweep).trials())) {
            assertEquals(3000, config.config().data().maxTrainSamples());
        }
    }
}
