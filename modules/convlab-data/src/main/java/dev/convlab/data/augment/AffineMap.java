package dev.convlab.data.augment;

/**
 * Keras's geometric transform as the map from an output pixel (row, column) to the input point it samples:
 * {@code transform_matrix} = rotation · shift · shear · zoom (each only when it is not neutral, in that order),
 * moved to the image centre by {@code transform_matrix_offset_center}, whose centre is (h/2 + 0.5, w/2 + 0.5)
 * rather than the middle pixel (h-1)/2. The 3x3 products are summed as numpy's np.dot does them through
 * OpenBLAS on x86-64 (fused multiply-adds, first term first), so the matrices agree to the last bit: that matters
 * for output points that land exactly on the image's edge (Keras's centre is a whole pixel for odd sizes, so
 * they are common), where a last-bit difference decides between a pixel and cval.
 *
 * @param m the 2x3 matrix [[a00, a01, offset0], [a10, a11, offset1]] that scipy's affine_transform receives
 */
public record AffineMap(double[][] m) {

    /** Keras's matrix for an image of {@code height} x {@code width}, or null when Keras would not resample. */
    public static AffineMap of(KerasTransform t, int height, int width) {
        if (!t.isGeometric()) {
            return null;
        }
        double[][] transform = null;
        if (t.theta() != 0) {
            double theta = Math.toRadians(t.theta());
            transform = new double[][] {{Math.cos(theta), -Math.sin(theta), 0}, {Math.sin(theta), Math.cos(theta), 0},
                    {0, 0, 1}};
        }
        if (t.tx() != 0 || t.ty() != 0) {
            transform = then(transform, new double[][] {{1, 0, t.tx()}, {0, 1, t.ty()}, {0, 0, 1}});
        }
        if (t.shear() != 0) {
            double shear = Math.toRadians(t.shear());
            transform = then(transform, new double[][] {{1, -Math.sin(shear), 0}, {0, Math.cos(shear), 0}, {0, 0, 1}});
        }
        if (t.zx() != 1 || t.zy() != 1) {
            transform = then(transform, new double[][] {{t.zx(), 0, 0}, {0, t.zy(), 0}, {0, 0, 1}});
        }
        double ox = height / 2.0 + 0.5;
        double oy = width / 2.0 + 0.5;
        double[][] offset = {{1, 0, ox}, {0, 1, oy}, {0, 0, 1}};
        double[][] reset = {{1, 0, -ox}, {0, 1, -oy}, {0, 0, 1}};
        double[][] full = dot(dot(offset, transform), reset);
        return new AffineMap(new double[][] {full[0].clone(), full[1].clone()});
    }

    /** The input row sampled for output (row, col): scipy sums matrix terms first, then adds the offset. */
    public double row(double row, double col) {
        double cc = m[0][0] * row;
        cc += m[0][1] * col;
        return cc + m[0][2];
    }

    public double col(double row, double col) {
        double cc = m[1][0] * row;
        cc += m[1][1] * col;
        return cc + m[1][2];
    }

    private static double[][] then(double[][] a, double[][] b) {
        return a == null ? b : dot(a, b);
    }

    private static double[][] dot(double[][] a, double[][] b) {
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = a[i][0] * b[0][j];
                s = Math.fma(a[i][1], b[1][j], s);
                c[i][j] = Math.fma(a[i][2], b[2][j], s);
            }
        }
        return c;
    }
}
