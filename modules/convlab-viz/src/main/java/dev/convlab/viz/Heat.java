package dev.convlab.viz;

/**
 * A heat colour map (close to matplotlib's "inferno": black, purple, red, orange, pale yellow) and the overlay of a
 * heat map on an image.
 */
public final class Heat {
    private static final int[][] STOPS = {
        {0, 0, 4}, {87, 16, 110}, {188, 55, 84}, {249, 142, 9}, {252, 255, 164}};

    private Heat() {
    }

    /** The colour of {@code t} in 0..1, as {r, g, b} in 0..255. */
    public static float[] color(double t) {
        double x = (Double.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0) * (STOPS.length - 1);
        int i = Math.min((int) Math.floor(x), STOPS.length - 2);
        double f = x - i;
        float[] rgb = new float[3];
        for (int c = 0; c < 3; c++) {
            rgb[c] = (float) (STOPS[i][c] * (1 - f) + STOPS[i + 1][c] * f);
        }
        return rgb;
    }

    /** The heat map alone, RGB CHW. */
    public static float[] colored(float[] heat) {
        int n = heat.length;
        float[] out = new float[3 * n];
        for (int i = 0; i < n; i++) {
            float[] rgb = color(heat[i]);
            out[i] = rgb[0];
            out[n + i] = rgb[1];
            out[2 * n + i] = rgb[2];
        }
        return out;
    }

    /**
     * The image in grey (0..255 CHW, 1 or 3 channels), coloured where the heat is: each pixel mixes the grey and the
     * heat colour in proportion to the heat, so cold areas show the image and hot ones the colour.
     */
    public static float[] overlay(float[] image, int channels, float[] heat) {
        int n = heat.length;
        float[] out = new float[3 * n];
        for (int i = 0; i < n; i++) {
            float grey = channels == 3
                    ? 0.299f * image[i] + 0.587f * image[n + i] + 0.114f * image[2 * n + i] : image[i];
            float alpha = 0.75f * Math.max(0, Math.min(1, heat[i]));
            float[] rgb = color(heat[i]);
            for (int c = 0; c < 3; c++) {
                out[c * n + i] = (1 - alpha) * grey + alpha * rgb[c];
            }
        }
        return out;
    }
}
