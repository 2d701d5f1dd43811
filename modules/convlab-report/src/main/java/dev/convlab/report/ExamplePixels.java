package dev.convlab.report;

import java.awt.image.BufferedImage;

/**
 * Turns an {@link Example}'s CHW floats into an RGB image at its own size: grey for one channel, RGB for three,
 * the first channel in grey otherwise; values in 0..1 kept, any other range stretched from its min..max.
 */
final class ExamplePixels {
    private ExamplePixels() {
    }

    static BufferedImage toImage(Example e) {
        float[] p = e.pixels();
        int plane = e.height() * e.width();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : p) {
            if (Float.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        boolean stretch = min < 0 || max > 1;
        double range = max - min;
        boolean rgb = e.channels() == 3;
        BufferedImage image = new BufferedImage(e.width(), e.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < e.height(); y++) {
            for (int x = 0; x < e.width(); x++) {
                int i = y * e.width() + x;
                int r = level(p[i], stretch, min, range);
                int g = rgb ? level(p[plane + i], stretch, min, range) : r;
                int b = rgb ? level(p[2 * plane + i], stretch, min, range) : r;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    /** 0..255 for one value: first stretched from min..min+range if asked (unless constant), then clamped. */
    private static int level(float v, boolean stretch, double min, double range) {
        if (!Float.isFinite(v)) {
            return 0;
        }
        double t = stretch && range > 0 ? (v - min) / range : v;
        return (int) Math.round(Math.max(0, Math.min(1, t)) * 255);
    }
}
