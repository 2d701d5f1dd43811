package dev.convlab.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static dev.convlab.data.SplitAndOrderTest.perClass;
import static dev.convlab.data.SplitAndOrderTest.skewed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public stratified API the sweeps use: samples, holdouts and k folds, checked against hand-worked counts. */
class StratifiedSplitTest {

    @Test
    void kFoldPartitionsThePoolAndSpreadsEachClassEvenly() {
        int[] labels = skewed(53, 31, 7, 2);
        int k = 5;
        List<StratifiedSplit.Split> folds = StratifiedSplit.kFold(labels, k, 42);
        assertEquals(k, folds.size());
        Set<Integer> seen = new HashSet<>();
        int[][] perFold = new int[k][];
        for (int f = 0; f < k; f++) {
            StratifiedSplit.Split fold = folds.get(f);
            for (int i : fold.validation()) {
                assertTrue(seen.add(i), "example " + i + " is in two validation folds");
            }
            // the training part is exactly everything else
            Set<Integer> rest = new HashSet<>();
            IntStream.range(0, labels.length).forEach(rest::add);
            Arrays.stream(fold.validation()).forEach(rest::remove);
            assertEquals(rest, set(fold.train()));
            perFold[f] = perClass(labels, fold.validation(), 4);
            int size = fold.validation().length;
            // 93 examples in 5 folds: 18 or 19 each
            assertTrue(size == 18 || size == 19, "fold " + f + " has " + size);
        }
        assertEquals(labels.length, seen.size(), "every example is validated once");
        // per class: 53 → 10 or 11 per fold, 31 → 6 or 7, 7 → 1 or 2, 2 → 0 or 1
        int[][] allowed = {{10, 11}, {6, 7}, {1, 2}, {0, 1}};
        for (int c = 0; c < 4; c++) {
            for (int f = 0; f < k; f++) {
                int n = perFold[f][c];
                assertTrue(n == allowed[c][0] || n == allowed[c][1], "class " + c + " fold " + f + ": " + n);
            }
        }
    }

    @Test
    void kFoldIsReproducibleFromTheSeed() {
        int[] labels = skewed(40, 40, 20);
        List<StratifiedSplit.Split> a = StratifiedSplit.kFold(labels, 4, 7);
        List<StratifiedSplit.Split> b = StratifiedSplit.kFold(labels, 4, 7);
        List<StratifiedSplit.Split> c = StratifiedSplit.kFold(labels, 4, 8);
        for (int f = 0; f < 4; f++) {
            assertArrayEquals(a.get(f).validation(), b.get(f).validation());
            assertArrayEquals(a.get(f).train(), b.get(f).train());
        }
        assertFalse(Arrays.equals(a.get(0).validation(), c.get(0).validation()), "another seed, other folds");
        assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.kFold(labels, 1, 7));
        assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.kFold(new int[3], 4, 7));
    }

    @Test
    void sampleTakesEachClassInProportion() {
        int[] labels = skewed(600, 300, 100);
        int[] sample = StratifiedSplit.sample(labels, 50, 3);
        assertArrayEquals(new int[] {30, 15, 5}, perClass(labels, sample, 3));
        assertArrayEquals(sample, StratifiedSplit.sample(labels, 50, 3));
        assertFalse(Arrays.equals(sample, StratifiedSplit.sample(labels, 50, 4)));
        // shares 3.33, 3.33, 3.33 of 10: the one left over goes to the lowest class index
        assertArrayEquals(new int[] {4, 3, 3}, perClass(skewed(5, 5, 5), StratifiedSplit.sample(skewed(5, 5, 5), 10, 1), 3));
    }

    @Test
    void foldsOfAnInMemoryDatasetPartitionItsPool() {
        ByteImages pool = numbered(60);
        ByteImages test = numbered(10);
        InMemorySplits.Source source = new InMemorySplits.Source(pool, test, List.of("a", "b", "c"), "sha256:x",
                "numbered", "images", "test images");
        dev.convlab.config.DataConfig cfg = TestConfigs.of(dev.convlab.config.DatasetKind.MNIST).batch(7).rescale(1).build();
        Set<Integer> validated = new HashSet<>();
        for (int f = 0; f < 3; f++) {
            DataSplits splits = InMemorySplits.build(source, cfg, 5, new Fold(f, 3));
            assertEquals(20, splits.validationCount());
            assertEquals(40, splits.trainCount());
            assertEquals(10, splits.testCount(), "the test set does not change with the fold");
            assertTrue(splits.description().contains("fold " + (f + 1) + " of 3, stratified k-fold, seed 5"),
                    splits.description());
            Set<Integer> ids = ids(splits.validation());
            assertEquals(20, ids.size());
            ids.forEach(id -> assertTrue(validated.add(id), "validated twice: " + id));
            Set<Integer> trained = ids(splits.train());
            trained.retainAll(ids);
            assertTrue(trained.isEmpty(), "trained on validation images: " + trained);
        }
        assertEquals(60, validated.size());
    }

    /** n 2x2 grey images, image i filled with the byte i and labelled i % 3. */
    private static ByteImages numbered(int n) {
        byte[] pixels = new byte[n * 4];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(pixels, i * 4, i * 4 + 4, (byte) i);
            labels[i] = (byte) (i % 3);
        }
        return new ByteImages(pixels, labels, new dev.convlab.config.ImageShape(2, 2, 1));
    }

    private static Set<Integer> ids(ExampleIterator it) {
        Set<Integer> ids = new HashSet<>();
        while (it.hasNext()) {
            var x = it.next().getFeatures();
            for (int i = 0; i < x.size(0); i++) {
                ids.add(Math.round(x.getFloat(i, 0, 0, 0)));
            }
        }
        return ids;
    }

    private static Set<Integer> set(int[] values) {
        Set<Integer> set = new HashSet<>();
        for (int v : values) {
            set.add(v);
        }
        return set;
    }
}
