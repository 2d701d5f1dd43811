package dev.convlab.report;

import java.awt.Color;

/**
 * matplotlib's "Blues" colour map (the one scikit-learn's confusion matrix uses): white-ish for 0, dark blue for 1,
 * interpolated linearly between its nine colours.
 */
final class Blues {
    private static final int[] STOPS = {
        0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b};

    /** The colour of 1.0, the largest count. */
    static final Color DARKEST = new Color(STOPS[STOPS.length - 1]);

    private Blues() {
    }

    static Color at(double t) {
        double x = (Double.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0) * (STOPS.length - 1);
        int i = Math.min((int) Math.floor(x), STOPS.length - 2);
        double f = x - i;
        int a = STOPS[i];
        int b = STOPS[i + 1];
        return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
    }

    /** Black or white, whichever reads better on c (by its luminance). */
    static Color textOn(Color c) {
        double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return luminance < 145 ? Color.WHITE : Plot.TEXT;
    }
}
