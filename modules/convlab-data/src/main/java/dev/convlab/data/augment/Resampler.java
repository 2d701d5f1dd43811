package dev.convlab.data.augment;

import dev.convlab.config.FillMode;

/**
 * {@code scipy.ndimage.affine_transform(x, matrix, offset, order=1, mode, cval)} on one channel, as Keras calls it,
 * written out so that the border rules are scipy's (1.6 and later) and not OpenCV's: each coordinate is first mapped
 * into the image by the mode ({@code map_coordinate} in scipy's ni_interpolation.c), then interpolated linearly in
 * each axis over a 2x2 stencil whose indices outside the image are reflected (reflect) or clamped (the other modes,
 * where their weight is 0). Under {@code constant}, a point outside [0, size-1] in either axis takes cval: scipy
 * does not interpolate towards cval. Arithmetic is double, as scipy's, and the result is stored as float.
 */
public final class Resampler {
    private Resampler() {
    }

    /**
     * Resamples channel plane {@code src[srcOffset ...]} (h x w, row-major) into {@code dst[dstOffset ...]}:
     * output pixel (r, c) takes the input at {@code map}'s point for (r, c).
     */
    public static void affine(float[] src, int srcOffset, float[] dst, int dstOffset, int h, int w, AffineMap map,
                              FillMode mode, double cval) {
        int[] rowIndex = new int[2];
        int[] colIndex = new int[2];
        double[] rowWeight = new double[2];
        double[] colWeight = new double[2];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double y = map.row(r, c);
                double x = map.col(r, c);
                dst[dstOffset + r * w + c] = (float) sample(src, srcOffset, h, w, y, x, mode, cval, rowIndex, colIndex,
                        rowWeight, colWeight);
            }
        }
    }

    /** The interpolated value at input point (y, x); the arrays are scratch space. */
    static double sample(float[] src, int offset, int h, int w, double y, double x, FillMode mode, double cval,
                         int[] rowIndex, int[] colIndex, double[] rowWeight, double[] colWeight) {
        if (!stencil(y, h, mode, rowIndex, rowWeight) || !stencil(x, w, mode, colIndex, colWeight)) {
            return cval;
        }
        // scipy visits the stencil in C order and multiplies each value by the row weight, then the column weight
        double t = 0;
        for (int i = 0; i < 2; i++) {
            int base = offset + rowIndex[i] * w;
            for (int j = 0; j < 2; j++) {
                double v = src[base + colIndex[j]];
                v *= rowWeight[i];
                v *= colWeight[j];
                t += v;
            }
        }
        return t;
    }

    /** Fills the two indices and weights of one axis; false when the point takes cval. */
    private static boolean stencil(double coordinate, int size, FillMode mode, int[] index, double[] weight) {
        double cc = mapCoordinate(coordinate, size, mode);
        if (!(cc > -1.0) && mode == FillMode.CONSTANT) {
            return false;
        }
        long start = (long) Math.floor(cc);
        double t = cc - start;
        weight[0] = 1.0 - t;
        weight[1] = t;
        index[0] = edge(start, size, mode);
        index[1] = edge(start + 1, size, mode);
        return true;
    }

    /** scipy's map_coordinate: brings a coordinate outside [0, size-1] back in, or -1 for constant. */
    static double mapCoordinate(double in, int size, FillMode mode) {
        if (in < 0) {
            switch (mode) {
                case REFLECT -> {
                    if (size <= 1) {
                        return 0;
                    }
                    long sz2 = 2L * size;
                    if (in < -sz2) {
                        in = sz2 * (long) (-in / sz2) + in;
                    }
                    // scipy guards against (-in - 1) rounding to exactly -1
                    in = in < -size ? in + sz2 : (in > -1e-15 ? 1e-15 : -in) - 1;
                }
                case WRAP -> {
                    if (size <= 1) {
                        return 0;
                    }
                    long sz = size - 1L;
                    in += sz * ((long) (-in / sz) + 1);
                }
                case NEAREST -> in = 0;
                case CONSTANT -> in = -1;
            }
        } else if (in > size - 1) {
            switch (mode) {
                case REFLECT -> {
                    if (size <= 1) {
                        return 0;
                    }
                    long sz2 = 2L * size;
                    in -= sz2 * (long) (in / sz2);
                    if (in >= size) {
                        in = sz2 - in - 1;
                    }
                }
                case WRAP -> {
                    if (size <= 1) {
                        return 0;
                    }
                    long sz = size - 1L;
                    in -= sz * (long) (in / sz);
                }
                case NEAREST -> in = size - 1;
                case CONSTANT -> in = -1;
            }
        }
        return in;
    }

    /**
     * A stencil index outside the image: reflect's half-sample mirror (-1 is 0, size is size-1), which is where
     * its weight is non-zero; the other modes only get here with weight 0, and clamping keeps the read in bounds.
     */
    private static int edge(long index, int size, FillMode mode) {
        if (index >= 0 && index < size) {
            return (int) index;
        }
        if (mode == FillMode.REFLECT) {
            long period = 2L * size;
            long i = Math.floorMod(index, period);
            return (int) (i < size ? i : period - 1 - i);
        }
        return index < 0 ? 0 : size - 1;
    }
}
