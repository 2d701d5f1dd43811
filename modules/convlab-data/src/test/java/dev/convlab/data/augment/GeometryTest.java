package dev.convlab.data.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.FillMode;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where points land, checked against the Keras formulas written out here by hand rather than through
 * {@link AffineMap}. The test image's channel 0 holds each pixel's row index and channel 1 its column index;
 * bilinear interpolation reproduces such linear images exactly, so each output pixel reads out the input point
 * it sampled. That point must be where Keras's formula puts it: rotation, shift, shear and zoom about Keras's
 * centre (h/2 + 0.5, w/2 + 0.5), composed as rotation(shift(shear(zoom(p - centre)))) + centre. Outside the image
 * the fill rule decides, also written out here from its definition.
 */
class GeometryTest {
    static final int H = 9;
    static final int W = 12;
    static final double CY = H / 2.0 + 0.5;
    static final double CX = W / 2.0 + 0.5;

    @ParameterizedTest
    @EnumSource(FillMode.class)
    void rotationSamplesTheRotatedPoint(FillMode mode) {
        double theta = 30;
        check(new KerasTransform(theta, 0, 0, 0, 1, 1, false, false, null, null), mode,
                (r, c) -> rotate(theta, r - CY, c - CX, CY, CX));
    }

    @ParameterizedTest
    @EnumSource(FillMode.class)
    void shiftMovesByTxRowsAndTyColumns(FillMode mode) {
        check(new KerasTransform(0, 2.5, -3.25, 0, 1, 1, false, false, null, null), mode,
                (r, c) -> new double[] {r + 2.5, c - 3.25});
    }

    @ParameterizedTest
    @EnumSource(FillMode.class)
    void shearTiltsColumns(FillMode mode) {
        double shear = 25;
        double s = Math.toRadians(shear);
        check(new KerasTransform(0, 0, 0, shear, 1, 1, false, false, null, null), mode,
                (r, c) -> new double[] {CY + (r - CY) - Math.sin(s) * (c - CX), CX + Math.cos(s) * (c - CX)});
    }

    @ParameterizedTest
    @EnumSource(FillMode.class)
    void zoomScalesRowsByZxAndColumnsByZy(FillMode mode) {
        check(new KerasTransform(0, 0, 0, 0, 1.5, 0.75, false, false, null, null), mode,
                (r, c) -> new double[] {CY + 1.5 * (r - CY), CX + 0.75 * (c - CX)});
    }

    @ParameterizedTest
    @EnumSource(FillMode.class)
    void allFourComposeAsKerasMultipliesThem(FillMode mode) {
        double theta = -20;
        double tx = 1.5;
        double ty = -2;
        double s = Math.toRadians(10);
        double zx = 0.9;
        double zy = 1.2;
        check(new KerasTransform(theta, tx, ty, 10, zx, zy, false, false, null, null), mode, (r, c) -> {
            double y = zx * (r - CY);
            double x = zy * (c - CX);
            double shearedY = y - Math.sin(s) * x;
            double shearedX = Math.cos(s) * x;
            return rotate(theta, shearedY + tx, shearedX + ty, CY, CX);
        });
    }

    /**
     * Hand-worked: a 4x4 image turned by 90 degrees. Keras's centre is (2.5, 2.5), not the middle (1.5, 1.5), so
     * output (r, c) samples input (5 - c, r): columns 0 and 1 read rows 5 and 4, outside the 4 rows, where each
     * fill rule gives its own row: nearest 3 and 3; reflect (d c b a | a b c d | d c b a) 2 and 3; scipy's wrap,
     * whose period is 3, 2 and 1; constant the fill value.
     */
    @ParameterizedTest
    @EnumSource(FillMode.class)
    void quarterTurnOfAFourByFourImage(FillMode mode) {
        float[] image = new float[16];
        for (int i = 0; i < 16; i++) {
            image[i] = 10 * (i / 4) + i % 4; // value = 10 * row + column
        }
        float[] out = KerasOps.apply(image, 1, 4, 4, new KerasTransform(90, 0, 0, 0, 1, 1, false, false, null,
                null), mode, -1);
        int[] rowsFor5And4 = switch (mode) {
            case CONSTANT -> new int[] {-1, -1};
            case NEAREST -> new int[] {3, 3};
            case REFLECT -> new int[] {2, 3};
            case WRAP -> new int[] {2, 1};
        };
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                int sourceRow = 5 - c;
                if (sourceRow > 3) {
                    sourceRow = rowsFor5And4[5 - sourceRow];
                }
                double expected = sourceRow == -1 ? -1 : 10 * sourceRow + r;
                assertEquals(expected, out[r * 4 + c], 1e-4, mode + " at " + r + "," + c);
            }
        }
    }

    /** A whole-pixel shift of a known point: the bright pixel at (6, 3) appears at (6 - tx, 3 - ty). */
    @ParameterizedTest
    @EnumSource(FillMode.class)
    void aKnownPointMovesByTheShift(FillMode mode) {
        float[] image = new float[H * W];
        image[6 * W + 3] = 200;
        float[] out = KerasOps.apply(image, 1, H, W, new KerasTransform(0, 4, -5, 0, 1, 1, false, false, null, null),
                mode, 0);
        assertEquals(200, out[2 * W + 8], mode.toString());
        double total = 0;
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                total += out[r * W + c];
            }
        }
        // constant and nearest fill with 0s here; reflect and wrap may bring the point in once more from outside
        assertEquals(mode == FillMode.CONSTANT || mode == FillMode.NEAREST ? 200 : total, total, mode.toString());
    }

    private static double[] rotate(double degrees, double y, double x, double cy, double cx) {
        double t = Math.toRadians(degrees);
        return new double[] {cy + Math.cos(t) * y - Math.sin(t) * x, cx + Math.sin(t) * y + Math.cos(t) * x};
    }

    /** The rows-and-columns image through the transform: each pixel must hold its expected source point. */
    private static void check(KerasTransform t, FillMode mode, BiFunction<Double, Double, double[]> source) {
        float[] image = new float[2 * H * W];
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                image[r * W + c] = r;
                image[H * W + r * W + c] = c;
            }
        }
        double cval = -7;
        float[] out = KerasOps.apply(image, 2, H, W, t, mode, cval);
        int inside = 0;
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                double[] p = source.apply((double) r, (double) c);
                double[] expected = fill(p[0], p[1], mode, cval);
                double[] actual = {out[r * W + c], out[H * W + r * W + c]};
                assertArrayEquals(expected, actual, 1e-4, mode + " " + t + " at (" + r + ", " + c + ") sampling ("
                        + p[0] + ", " + p[1] + ")");
                inside += p[0] >= 0 && p[0] <= H - 1 && p[1] >= 0 && p[1] <= W - 1 ? 1 : 0;
            }
        }
        assertTrue(inside > H * W / 3, "too few points inside to test the geometry: " + inside);
    }

    /**
     * What the index image holds at input point (y, x) under each fill rule: the point itself inside; outside,
     * constant gives cval, nearest the clamped point, reflect and wrap the linear interpolation of the extended
     * index sequence (reflect: d c b a | a b c d | d c b a; scipy's wrap: period size - 1).
     */
    private static double[] fill(double y, double x, FillMode mode, double cval) {
        boolean inside = y >= 0 && y <= H - 1 && x >= 0 && x <= W - 1;
        if (mode == FillMode.CONSTANT && !inside) {
            return new double[] {cval, cval};
        }
        return new double[] {extended(y, H, mode), extended(x, W, mode)};
    }

    private static double extended(double v, int size, FillMode mode) {
        if (v >= 0 && v <= size - 1) {
            return v;
        }
        return switch (mode) {
            case NEAREST -> Math.max(0, Math.min(size - 1, v));
            case REFLECT -> {
                long i = (long) Math.floor(v);
                double t = v - i;
                yield (1 - t) * halfSample(i, size) + t * halfSample(i + 1, size);
            }
            case WRAP -> {
                double period = size - 1;
                yield v - period * Math.floor(v / period);
            }
            case CONSTANT -> throw new IllegalStateException();
        };
    }

    private static int halfSample(long i, int size) {
        long m = Math.floorMod(i, 2L * size);
        return (int) (m < size ? m : 2L * size - 1 - m);
    }
}
