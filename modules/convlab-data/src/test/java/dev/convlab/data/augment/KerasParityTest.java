package dev.convlab.data.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.FillMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KerasOps#apply} against keras_preprocessing's own {@code ImageDataGenerator.apply_transform} (run by
 * /usr/bin/python3), on grey and colour images of odd, non-square sizes, for every fill mode and each op alone and
 * combined. Geometry and channel shift agree within 1e-3 grey levels (both compute in double and store float32;
 * the observed difference is about 1e-5). Brightness yields whole levels in both, and they must be equal.
 *
 * <p>One exception, counted and printed: an output pixel whose source point lies exactly on a jump of the fill
 * rule (the edge under constant, a seam under wrap) takes the pixel or the fill depending on the last bit of the
 * source coordinate, and Keras's last bit comes from numpy's sin and cos, which differ by machine (on AVX-512 they
 * are SVML's, not the C library's). Such pixels (source within 1e-9 px of a jump) may differ; no other may.
 */
class KerasParityTest {
    /** On a 0..255 scale; what separates float32 storage of the same double computation, with a wide margin. */
    static final double TOLERANCE = 1e-3;

    @TempDir
    Path dir;

    @Test
    void greyImageMatchesKerasForEveryFillModeAndOp() throws Exception {
        compare(1, 13, 17);
    }

    @Test
    void colourImageMatchesKerasForEveryFillModeAndOp() throws Exception {
        compare(3, 16, 11);
    }

    private void compare(int channels, int height, int width) throws Exception {
        KerasOracle.assumeInstalled();
        float[] image = TestImages.noisyGradient(channels, height, width, 7);
        List<KerasOracle.Case> cases = new ArrayList<>();
        for (FillMode mode : FillMode.values()) {
            for (KerasTransform t : transforms()) {
                cases.add(new KerasOracle.Case(t, mode, mode == FillMode.CONSTANT ? 17.5 : 0));
            }
        }
        List<float[]> keras = KerasOracle.apply(image, channels, height, width, cases, dir);
        double worst = 0;
        int tiesDiffering = 0;
        int plane = height * width;
        for (int k = 0; k < cases.size(); k++) {
            KerasOracle.Case c = cases.get(k);
            float[] ours = KerasOps.apply(image, channels, height, width, c.t(), c.mode(), c.cval());
            float[] theirs = keras.get(k);
            boolean[] ties = ties(c.t(), c.mode(), height, width);
            String what = c.mode() + " " + c.t() + " on " + channels + "x" + height + "x" + width;
            boolean global = c.t().brightness() != null || c.t().channelShiftIntensity() != null;
            if (global) {
                // these use the whole image's min and max, so a tie anywhere could move every pixel
                for (boolean tie : ties) {
                    assertTrue(!tie, "choose parameters without ties for " + what);
                }
            }
            for (int i = 0; i < ours.length; i++) {
                double d = Math.abs((double) ours[i] - theirs[i]);
                if (ties[i % plane] && d > TOLERANCE) {
                    tiesDiffering++;
                    continue;
                }
                if (c.t().brightness() != null) {
                    assertEquals(theirs[i], ours[i], "brightness gives whole levels; they must agree: " + what
                            + " at " + i);
                } else {
                    assertTrue(d <= TOLERANCE, "difference " + d + " at " + i + " for " + what);
                }
                worst = Math.max(worst, d);
            }
        }
        System.out.printf(Locale.ROOT, "Keras parity (%s): %d cases on %dx%dx%d, largest difference %s,"
                        + " %d values at fill-rule jumps differ%n", KerasOracle.versions(), cases.size(), channels,
                height, width, worst, tiesDiffering);
    }

    /** Output pixels (after Keras's flips) whose source point is within 1e-9 px of a jump of the fill rule. */
    static boolean[] ties(KerasTransform t, FillMode mode, int height, int width) {
        boolean[] ties = new boolean[height * width];
        AffineMap map = AffineMap.of(t, height, width);
        if (map == null || mode == FillMode.NEAREST || mode == FillMode.REFLECT) {
            return ties; // identity, or a fill rule without jumps
        }
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                boolean tie = jump(map.row(r, c), height, mode) || jump(map.col(r, c), width, mode);
                int outRow = t.flipVertical() ? height - 1 - r : r;
                int outCol = t.flipHorizontal() ? width - 1 - c : c;
                ties[outRow * width + outCol] = tie;
            }
        }
        return ties;
    }

    /** constant jumps at 0 and size-1; scipy's wrap at every multiple of size-1, its period. */
    private static boolean jump(double coordinate, int size, FillMode mode) {
        double eps = 1e-9;
        if (mode == FillMode.CONSTANT) {
            return Math.abs(coordinate) < eps || Math.abs(coordinate - (size - 1)) < eps;
        }
        double period = size - 1;
        return Math.abs(coordinate - period * Math.rint(coordinate / period)) < eps;
    }

    /** Each op alone (some beyond one period of wrap and reflect), then combined. */
    static List<KerasTransform> transforms() {
        List<KerasTransform> list = new ArrayList<>();
        list.add(new KerasTransform(23.5, 0, 0, 0, 1, 1, false, false, null, null));
        list.add(new KerasTransform(-131, 0, 0, 0, 1, 1, false, false, null, null));
        list.add(new KerasTransform(0, 3.7, -5.2, 0, 1, 1, false, false, null, null));
        list.add(new KerasTransform(0, -29.3, 41.6, 0, 1, 1, false, false, null, null));
        list.add(new KerasTransform(0, 2, -3, 0, 1, 1, false, false, null, null));
        list.add(new KerasTransform(0, 0, 0, 17, 1, 1, false, false, null, null));
        list.add(new KerasTransform(0, 0, 0, -35, 1, 1, false, false, null, null));
        list.add(new KerasTransform(0, 0, 0, 0, 0.8, 1.3, false, false, null, null));
        list.add(new KerasTransform(0, 0, 0, 0, 2.7, 0.45, false, false, null, null));
        list.add(new KerasTransform(12.5, -2.25, 1.5, 8, 1.1, 0.9, false, false, null, null));
        list.add(new KerasTransform(-40, 6.5, 2.2, -12, 0.7, 1.6, true, false, 20.5, null));
        list.add(new KerasTransform(70, -1.3, -4.4, 20, 1.25, 1.05, false, true, null, 1.3));
        list.add(new KerasTransform(0, 0, 0, 0, 1, 1, false, false, null, 0.7));
        list.add(new KerasTransform(0, 0, 0, 0, 1, 1, false, false, -40.0, null));
        list.add(new KerasTransform(0, 0, 0, 0, 1, 1, true, true, null, null));
        return list;
    }

    static double maxDifference(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((double) a[i] - b[i]));
        }
        return max;
    }

    /** Test images: reproducible, whole 0..255 values like decoded pixels, with structure in every direction. */
    static final class TestImages {
        private TestImages() {
        }

        static float[] noisyGradient(int channels, int height, int width, long seed) {
            Random random = new Random(seed);
            float[] x = new float[channels * height * width];
            for (int ch = 0; ch < channels; ch++) {
                for (int r = 0; r < height; r++) {
                    for (int c = 0; c < width; c++) {
                        double v = 40 + 9 * r + 5 * c + 30 * ch + 20 * Math.sin(r * c * 0.3) + random.nextInt(30);
                        x[(ch * height + r) * width + c] = (float) Math.min(255, Math.max(0, Math.rint(v)));
                    }
                }
            }
            return x;
        }
    }
}
