package dev.convlab.tutorials;

/** The tutorial's output-size formula for a convolution or pooling window: floor((n + 2p - f) / s) + 1. */
record OutputSize(int n, int f, int p, int s) {
    OutputSize {
        if (n < 1 || f < 1 || p < 0 || s < 1 || n + 2 * p < f) {
            throw new IllegalArgumentException("no output for n=" + n + " f=" + f + " p=" + p + " s=" + s);
        }
    }

    int value() {
        return Math.floorDiv(n + 2 * p - f, s) + 1;
    }

    /** The formula with this row's numbers in it, e.g. floor((5 + 2*1 - 3)/2) + 1 = 3. */
    String worked() {
        return "floor((" + n + " + 2*" + p + " - " + f + ")/" + s + ") + 1 = " + value();
    }
}
