package dev.convlab.model;

/** Keras's output-size formulas for convolution and pooling (tf.keras conv_utils.conv_output_length). */
final class Geometry {
    private Geometry() {
    }

    /** The extent a kernel of size k covers with dilation d. */
    static int span(int k, int d) {
        return d * (k - 1) + 1;
    }

    /** "valid": floor((n - d*(k-1) - 1) / s) + 1, or 0 when the kernel does not fit. */
    static int valid(int n, int k, int s, int d) {
        int span = span(k, d);
        return n < span ? 0 : (n - span) / s + 1;
    }

    /** "same": ceil(n / s), whatever the kernel. */
    static int same(int n, int s) {
        return (n + s - 1) / s;
    }
}
