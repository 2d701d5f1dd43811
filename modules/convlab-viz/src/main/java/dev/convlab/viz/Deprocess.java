package dev.convlab.viz;

/**
 * Keras's {@code deprocess_image} from the filter-visualisation example: centre the image on 0, scale it to a
 * standard deviation of 0.1, shift to 0.5, clip to 0..1 and multiply by 255. Every generated image is shown on the
 * same contrast, whatever the network's input scale.
 */
public final class Deprocess {
    static final double STD = 0.1;

    private Deprocess() {
    }

    /** 0..255 values of {@code x} (all channels together, as Keras computes mean and std over the whole image). */
    public static float[] keras(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double squares = 0;
        for (double v : x) {
            squares += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(squares / x.length);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = (x[i] - mean) / (std + 1e-5) * STD + 0.5;
            out[i] = (float) (Math.max(0, Math.min(1, v)) * 255);
        }
        return out;
    }
}
