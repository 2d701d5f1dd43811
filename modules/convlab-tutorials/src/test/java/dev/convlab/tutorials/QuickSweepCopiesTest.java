package dev.convlab.tutorials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.sweep.LoadedSweep;
import dev.convlab.sweep.SweepLoader;
import dev.convlab.sweep.Sweeps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The quick copies of the tutorial's sweeps (configs/tutorials/sweeps-quick/, for scripts/tutorial grid-search
 * --quick) search exactly what the originals in configs/sweeps/ search, the same way, only smaller; and every one of
 * their trials passes convlab's check.
 */
class QuickSweepCopiesTest {
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void everyQuickCopySearchesWhatItsOriginalSearches() throws IOException {
        List<Path> copies;
        try (Stream<Path> files = Files.list(ROOT.resolve("configs/tutorials/sweeps-quick"))) {
            copies = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(List.of("activation.yaml", "batch-and-epochs.yaml", "dropout.yaml", "halving-optimizer-lr.yaml",
                "init.yaml", "learning-rate-momentum.yaml", "neurons.yaml", "optimizer.yaml"),
                copies.stream().map(p -> p.getFileName().toString()).toList());
        for (Path copy : copies) {
            LoadedSweep quick = SweepLoader.load(copy);
            LoadedSweep original = SweepLoader.load(ROOT.resolve("configs/sweeps").resolve(copy.getFileName()));
            String what = copy.getFileName().toString();
            assertEquals(original.spec().grid(), quick.spec().grid(), what);
            assertEquals(original.spec().cv(), quick.spec().cv(), what);
            assertEquals(original.spec().holdout(), quick.spec().holdout(), what);
            assertEquals(original.spec().strategy(), quick.spec().strategy(), what);
            assertEquals(original.spec().halving(), quick.spec().halving(), what);
            assertEquals(original.spec().metric(), quick.spec().metric(), what);
            assertEquals(original.baseConfig(), quick.baseConfig(), what);
            assertEquals(original.spec().name() + "-quick", quick.spec().name(), what);
            assertFalse(quick.spec().refit(), what + ": no refit in the quick copy");
            assertEquals(300, quick.spec().set().get("data.max_train_samples"), what);
            assertTrue(Sweeps.plan(copy, null).trials().size() > 1, what);
        }
    }
}
