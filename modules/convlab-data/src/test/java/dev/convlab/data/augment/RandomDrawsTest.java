package dev.convlab.data.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.AugmentationConfig;
import dev.convlab.config.FillMode;
import dev.convlab.config.ShiftRange;
import dev.convlab.config.ZoomRange;
import dev.convlab.config.augment.OpProbabilities;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * get_random_transform's draws: each within its configured range (and reaching near both ends), the three kinds of
 * shift range as Keras reads them, flips and per-op probabilities at their rates, the same seed the same draws.
 */
class RandomDrawsTest {
    static final int N = 20_000;
    static final int H = 40;
    static final int W = 30;

    @Test
    void everyDrawStaysInItsRange() {
        AugmentationConfig cfg = config(25, ShiftRange.uniform(0.2), ShiftRange.uniform(3.5), 12,
                new ZoomRange(0.7, 1.4), List.of(0.5, 1.5), 30, true, true, OpProbabilities.KERAS);
        Augmenter augmenter = new Augmenter(cfg);
        Random random = new Random(5);
        Extremes theta = new Extremes();
        Extremes tx = new Extremes();
        Extremes ty = new Extremes();
        Extremes shear = new Extremes();
        Extremes zoom = new Extremes();
        Extremes brightness = new Extremes();
        Extremes channel = new Extremes();
        int horizontal = 0;
        int vertical = 0;
        for (int i = 0; i < N; i++) {
            KerasTransform t = augmenter.draw(random, H, W);
            theta.add(t.theta());
            tx.add(t.tx());
            ty.add(t.ty());
            shear.add(t.shear());
            zoom.add(t.zx());
            zoom.add(t.zy());
            brightness.add(t.brightness());
            channel.add(t.channelShiftIntensity());
            horizontal += t.flipHorizontal() ? 1 : 0;
            vertical += t.flipVertical() ? 1 : 0;
        }
        theta.assertWithin(-25, 25);
        // height_shift_range is rows (tx), in pixels since 3.5 >= 1; width_shift_range 0.2 is 0.2 of 30 columns
        tx.assertWithin(-3.5, 3.5);
        ty.assertWithin(-0.2 * W, 0.2 * W);
        shear.assertWithin(-12, 12);
        zoom.assertWithin(0.7, 1.4);
        brightness.assertWithin(0.5, 1.5);
        channel.assertWithin(-30, 30);
        assertRate(0.5, horizontal, "horizontal flips");
        assertRate(0.5, vertical, "vertical flips");
    }

    @Test
    void aWholeNumberGivesWholePixelsBelowItAndAListOneOfItsValuesWithASign() {
        AugmentationConfig cfg = config(0, ShiftRange.choice(List.of(0.1, 0.25)), ShiftRange.whole(3), 0,
                ZoomRange.NONE, List.of(), 0, false, false, OpProbabilities.KERAS);
        Augmenter augmenter = new Augmenter(cfg);
        Random random = new Random(9);
        Set<Double> rows = new HashSet<>();
        Set<Double> columns = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            KerasTransform t = augmenter.draw(random, H, W);
            rows.add(t.tx());
            columns.add(t.ty());
        }
        // Keras: np.random.choice(3) * (+-1): -2..2; [0.1, 0.25] below 1, so fractions of the 30 columns
        assertEquals(Set.of(-2.0, -1.0, 0.0, 1.0, 2.0), rows);
        assertEquals(Set.of(-3.0, 3.0, -7.5, 7.5), columns);
    }

    @Test
    void nothingConfiguredDrawsNothing() {
        KerasTransform t = new Augmenter(AugmentationConfig.none()).draw(new Random(1), H, W);
        assertEquals(KerasTransform.IDENTITY, t);
        assertNull(t.brightness());
    }

    @Test
    void perOpProbabilitiesSetHowOftenEachOpApplies() {
        OpProbabilities p = new OpProbabilities(0.3, 1, 1, 0, 1, 1, 1, 0.9, 0.1);
        AugmentationConfig cfg = config(10, ShiftRange.NONE, ShiftRange.NONE, 5, ZoomRange.NONE, List.of(), 0, true,
                true, p);
        Augmenter augmenter = new Augmenter(cfg);
        Random random = new Random(17);
        int rotated = 0;
        int sheared = 0;
        int horizontal = 0;
        int vertical = 0;
        for (int i = 0; i < N; i++) {
            KerasTransform t = augmenter.draw(random, H, W);
            rotated += t.theta() != 0 ? 1 : 0;
            sheared += t.shear() != 0 ? 1 : 0;
            horizontal += t.flipHorizontal() ? 1 : 0;
            vertical += t.flipVertical() ? 1 : 0;
        }
        assertRate(0.3, rotated, "rotations");
        assertEquals(0, sheared, "shear with probability 0");
        assertRate(0.9, horizontal, "horizontal flips");
        assertRate(0.1, vertical, "vertical flips");
    }

    @Test
    void theSameSeedGivesTheSameDrawsAndAnotherSeedOthers() {
        AugmentationConfig cfg = config(25, ShiftRange.uniform(0.2), ShiftRange.whole(4), 12, new ZoomRange(0.7, 1.4),
                List.of(0.5, 1.5), 30, true, true, OpProbabilities.KERAS);
        Augmenter augmenter = new Augmenter(cfg);
        assertEquals(augmenter.draw(new Random(123), H, W), augmenter.draw(new Random(123), H, W));
        assertNotEquals(augmenter.draw(new Random(123), H, W), augmenter.draw(new Random(124), H, W));
    }

    /** One Augmenter on four threads at once gives each image what it gives it alone: it keeps no state. */
    @Test
    void oneAugmenterServesManyThreads() throws Exception {
        AugmentationConfig cfg = config(25, ShiftRange.uniform(0.2), ShiftRange.whole(4), 12, new ZoomRange(0.7, 1.4),
                List.of(0.5, 1.5), 30, true, true, OpProbabilities.KERAS);
        Augmenter augmenter = new Augmenter(cfg);
        float[] image = KerasParityTest.TestImages.noisyGradient(3, 16, 12, 3);
        int n = 120;
        float[][] alone = new float[n][];
        for (int i = 0; i < n; i++) {
            alone[i] = augmenter.augment(image, 3, 16, 12, new Random(i));
        }
        float[][] together = new float[n][];
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> jobs = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                jobs.add(pool.submit(() -> together[k] = augmenter.augment(image, 3, 16, 12, new Random(k))));
            }
            for (java.util.concurrent.Future<?> job : jobs) {
                job.get();
            }
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < n; i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(alone[i], together[i], "image " + i);
        }
    }

    /** Within 5 standard deviations of the binomial: a wrong rate fails, chance essentially never does. */
    static void assertRate(double p, int hits, String what) {
        double sd = Math.sqrt(N * p * (1 - p));
        assertTrue(Math.abs(hits - N * p) < 5 * sd, what + ": " + hits + " of " + N + ", expected about " + N * p);
    }

    static AugmentationConfig config(double rotation, ShiftRange width, ShiftRange height, double shear,
                                     ZoomRange zoom, List<Double> brightness, double channelShift, boolean horizontal,
                                     boolean vertical, OpProbabilities p) {
        return new AugmentationConfig(rotation, width, height, shear, zoom, brightness, channelShift,
                FillMode.NEAREST, 0, horizontal, vertical, false, false, false, false, p, List.of());
    }

    /** Smallest and largest of the values drawn. */
    static final class Extremes {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(Double v) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }

        /** Inside [lo, hi], and within 1% of the width of both ends: the whole range is used. */
        void assertWithin(double lo, double hi) {
            double slack = (hi - lo) * 0.01;
            assertTrue(min >= lo && max <= hi, "[" + min + ", " + max + "] is not within [" + lo + ", " + hi + "]");
            assertTrue(min < lo + slack && max > hi - slack, "[" + min + ", " + max + "] does not reach near both ends of ["
                    + lo + ", " + hi + "]");
        }
    }
}
