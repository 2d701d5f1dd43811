package dev.convlab.data;

import dev.convlab.config.ConfigProblem;
import dev.convlab.config.ImageShape;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.AsyncDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seeded holdout and the seeded order of passes, on small synthetic data. */
class SplitAndOrderTest {
    private static final List<String> CLASSES = List.of("a", "b", "c");

    @Test
    void holdoutIsDeterministicDisjointCompleteAndStratified() {
        int[] labels = skewed(700, 250, 50);
        Holdout a = Holdout.split(labels, null, 0.2, 42);
        Holdout b = Holdout.split(labels, null, 0.2, 42);
        Holdout c = Holdout.split(labels, null, 0.2, 43);

        assertArrayEquals(a.train(), b.train());
        assertArrayEquals(a.validation(), b.validation());
        assertFalse(Arrays.equals(a.validation(), c.validation()), "another seed holds out other examples");
        assertEquals(800, a.train().length);
        assertEquals(200, a.validation().length);
        // 20% of each class: 140 of 700, 50 of 250, 10 of 50
        assertArrayEquals(new int[] {140, 50, 10}, perClass(labels, a.validation(), 3));
        assertArrayEquals(new int[] {140, 50, 10}, perClass(labels, c.validation(), 3));
        Set<Integer> train = set(a.train());
        Set<Integer> validation = set(a.validation());
        assertTrue(train.stream().noneMatch(validation::contains), "no example is in both");
        Set<Integer> all = new HashSet<>(train);
        all.addAll(validation);
        assertEquals(1000, all.size());
        assertTrue(isSorted(a.train()) && isSorted(a.validation()), "file order within each split");
    }

    @Test
    void maxTrainSamplesTakesAStratifiedSampleBeforeTheHoldout() {
        int[] labels = skewed(30_000, 24_000, 6_000);
        Holdout capped = Holdout.split(labels, 1000, 0.1, 7);
        assertEquals(900, capped.train().length);
        assertEquals(100, capped.validation().length);
        assertEquals(1000, capped.used());
        int[] used = perClass(labels, concat(capped.train(), capped.validation()), 3);
        assertArrayEquals(new int[] {500, 400, 100}, used, "50%, 40%, 10% of 1000");
        assertArrayEquals(new int[] {50, 40, 10}, perClass(labels, capped.validation(), 3));
        ConfigProblem none = assertThrows(ConfigProblem.class, () -> Holdout.split(new int[] {0}, null, 0.9, 7));
        assertEquals("data.validation_split", none.yamlPath());
    }

    @Test
    void everyClassKeepsATrainingExample() {
        // shares of 0.5 would round class 1's single example into validation
        int[] labels = {0, 0, 0, 1, 2, 2};
        for (long seed = 0; seed < 20; seed++) {
            Holdout h = Holdout.split(labels, null, 0.5, seed);
            assertEquals(3, h.validation().length);
            int[] trained = perClass(labels, h.train(), 3);
            assertTrue(trained[0] > 0 && trained[1] > 0 && trained[2] > 0, Arrays.toString(trained));
        }
        // 5 of 6 cannot leave every class a training example: the proportions win, and one image is left
        Holdout most = Holdout.split(labels, null, 0.9, 1);
        assertEquals(1, most.train().length);
    }

    @Test
    void testSubsetIsStratifiedAndTheSameForEverySeed() {
        int[] labels = skewed(5_000, 3_000, 2_000);
        int[] subset = Holdout.testSubset(labels, 500);
        assertEquals(500, subset.length);
        assertEquals(500, set(subset).size());
        assertArrayEquals(new int[] {250, 150, 100}, perClass(labels, subset, 3));
        assertArrayEquals(subset, Holdout.testSubset(labels, 500));
        assertArrayEquals(IntStream.range(0, 50).toArray(), Holdout.testSubset(new int[50], 500));
        assertArrayEquals(IntStream.range(0, 50).toArray(), Holdout.testSubset(new int[50], null));
    }

    @Test
    void batchesAreNchwOneHotAndRescaledExactly() {
        ByteImages images = images(10);
        InMemoryIterator it = new InMemoryIterator(images, ShuffleOrder.fixed(Holdout.identity(10)), 4, 1.0 / 255, CLASSES);
        List<Integer> sizes = new ArrayList<>();
        int example = 0;
        while (it.hasNext()) {
            DataSet batch = it.next();
            sizes.add(batch.numExamples());
            assertArrayEquals(new long[] {batch.numExamples(), 3, 2, 2}, batch.getFeatures().shape());
            for (int i = 0; i < batch.numExamples(); i++, example++) {
                // image e is filled with the byte 25 * e, labelled e % 3
                assertEquals(25f * example / 255f, batch.getFeatures().getFloat(i, 2, 1, 1), 1e-7);
                float[] label = batch.getLabels().getRow(i).toFloatVector();
                float[] expected = new float[3];
                expected[example % 3] = 1;
                assertArrayEquals(expected, label);
            }
        }
        assertEquals(List.of(4, 4, 2), sizes);
    }

    @Test
    void passesAreSeededAndAResetWithoutReadingDoesNotSkipOne() {
        InMemoryIterator a = shuffled(42);
        InMemoryIterator b = shuffled(42);
        b.reset(); // DL4J resets before fitting; that must not move to pass 1
        b.reset();

        List<Integer> pass0 = readPass(a);
        assertEquals(pass0, readPass(b));
        a.reset();
        List<Integer> pass1 = readPass(a);
        assertNotEquals(pass0, pass1, "each pass has its own order");
        assertEquals(1, a.epoch());
        assertEquals(set(pass0.stream().mapToInt(Integer::intValue).toArray()),
                set(pass1.stream().mapToInt(Integer::intValue).toArray()));
        assertNotEquals(pass0, readPass(shuffled(43)), "another seed, another order");

        InMemoryIterator resumed = shuffled(42);
        resumed.seekEpoch(1);
        assertEquals(pass1, readPass(resumed), "a resumed run sees the order an uninterrupted one saw");
    }

    @Test
    void withoutShuffleEveryPassIsInFileOrder() {
        InMemoryIterator it = new InMemoryIterator(images(10), new ShuffleOrder(new int[] {1, 4, 6, 8}, false, 42), 3,
                1, CLASSES);
        assertEquals(List.of(25, 100, 150, 200), readPass(it));
        it.reset();
        assertEquals(List.of(25, 100, 150, 200), readPass(it));
    }

    /** DL4J wraps iterators that say asyncSupported in AsyncDataSetIterator; its prefetch thread must see the same data. */
    @Test
    void worksInsideAsyncDataSetIterator() {
        InMemoryIterator direct = shuffled(5);
        List<Integer> expected = new ArrayList<>(readPass(direct));
        direct.reset();
        expected.addAll(readPass(direct));

        InMemoryIterator wrapped = shuffled(5);
        assertTrue(wrapped.asyncSupported());
        DataSetIterator async = new AsyncDataSetIterator(wrapped, 2, true);
        List<Integer> seen = new ArrayList<>(readPass(async));
        async.reset();
        seen.addAll(readPass(async));
        assertEquals(expected, seen);
    }

    private static InMemoryIterator shuffled(long seed) {
        return new InMemoryIterator(images(10), new ShuffleOrder(Holdout.identity(10), true, seed), 3, 1, CLASSES);
    }

    /** The first pixel of every example of one pass (the example's fill byte, which identifies it). */
    private static List<Integer> readPass(DataSetIterator it) {
        List<Integer> firstPixels = new ArrayList<>();
        while (it.hasNext()) {
            DataSet batch = it.next();
            for (int i = 0; i < batch.numExamples(); i++) {
                firstPixels.add((int) batch.getFeatures().getFloat(i, 0, 0, 0));
            }
        }
        return firstPixels;
    }

    private static ByteImages images(int n) {
        ImageShape shape = new ImageShape(2, 2, 3);
        byte[] pixels = new byte[n * 12];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(pixels, i * 12, (i + 1) * 12, (byte) (25 * i));
            labels[i] = (byte) (i % 3);
        }
        return new ByteImages(pixels, labels, shape);
    }

    /** n0 examples of class 0, then n1 of class 1, ... */
    static int[] skewed(int... counts) {
        return IntStream.range(0, counts.length).flatMap(c -> IntStream.range(0, counts[c]).map(i -> c)).toArray();
    }

    /** How many of {@code indices} fall in each class. */
    static int[] perClass(int[] labels, int[] indices, int classes) {
        int[] counts = new int[classes];
        for (int i : indices) {
            counts[labels[i]]++;
        }
        return counts;
    }

    private static int[] concat(int[] a, int[] b) {
        return IntStream.concat(Arrays.stream(a), Arrays.stream(b)).toArray();
    }

    private static Set<Integer> set(int[] values) {
        Set<Integer> set = new HashSet<>();
        for (int v : values) {
            set.add(v);
        }
        return set;
    }

    private static boolean isSorted(int[] values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i - 1] >= values[i]) {
                return false;
            }
        }
        return true;
    }
}
