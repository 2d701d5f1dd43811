package dev.convlab.data.augment;

import dev.convlab.config.AugmentationConfig;

/**
 * Keras's {@code ImageDataGenerator.standardize} on one CHW image in place, in Keras's order: rescale, samplewise
 * centre (the image's own mean over all channels), samplewise std (divide by its own std + 1e-6), featurewise
 * centre (the training set's per-channel mean), featurewise std (its per-channel std + 1e-6).
 */
public final class Standardizer {
    static final double EPSILON = 1e-6;
    private final double rescale;
    private final boolean samplewiseCenter;
    private final boolean samplewiseStd;
    private final float[] subtract;
    private final float[] divide;

    /** @param stats required when {@code cfg} asks for featurewise normalisation, else ignored */
    public Standardizer(double rescale, AugmentationConfig cfg, FeatureStats stats) {
        this.rescale = rescale;
        this.samplewiseCenter = cfg != null && cfg.samplewiseCenter();
        this.samplewiseStd = cfg != null && cfg.samplewiseStdNormalization();
        boolean center = cfg != null && cfg.featurewiseCenter();
        boolean std = cfg != null && cfg.featurewiseStdNormalization();
        if ((center || std) && stats == null) {
            throw new IllegalArgumentException("featurewise normalisation needs the training set's statistics");
        }
        this.subtract = center ? floats(stats.mean()) : null;
        this.divide = std ? plusEpsilon(stats.std()) : null;
    }

    /** Only the rescale and {@code cfg}'s samplewise ops: what the featurewise statistics are computed on. */
    public static Standardizer beforeFeaturewise(double rescale, AugmentationConfig cfg) {
        return new Standardizer(rescale, cfg != null && cfg.samplewiseCenter(),
                cfg != null && cfg.samplewiseStdNormalization());
    }

    private Standardizer(double rescale, boolean samplewiseCenter, boolean samplewiseStd) {
        this.rescale = rescale;
        this.samplewiseCenter = samplewiseCenter;
        this.samplewiseStd = samplewiseStd;
        this.subtract = null;
        this.divide = null;
    }

    public void apply(float[] x, int offset, int channels, int plane) {
        int n = channels * plane;
        if (rescale != 1) {
            // in double, so that whole pixel values scale exactly as a table of v * rescale would
            for (int i = offset; i < offset + n; i++) {
                x[i] = (float) (x[i] * rescale);
            }
        }
        if (samplewiseCenter) {
            float mean = (float) mean(x, offset, n);
            for (int i = offset; i < offset + n; i++) {
                x[i] -= mean;
            }
        }
        if (samplewiseStd) {
            double mean = mean(x, offset, n);
            double squares = 0;
            for (int i = offset; i < offset + n; i++) {
                double d = x[i] - mean;
                squares += d * d;
            }
            float by = (float) (Math.sqrt(squares / n) + EPSILON);
            for (int i = offset; i < offset + n; i++) {
                x[i] /= by;
            }
        }
        for (int c = 0; c < channels && (subtract != null || divide != null); c++) {
            int base = offset + c * plane;
            for (int i = base; i < base + plane; i++) {
                if (subtract != null) {
                    x[i] -= subtract[c];
                }
                if (divide != null) {
                    x[i] /= divide[c];
                }
            }
        }
    }

    /** True when it does nothing but multiply by rescale. */
    public boolean rescalesOnly() {
        return !samplewiseCenter && !samplewiseStd && subtract == null && divide == null;
    }

    private static double mean(float[] x, int offset, int n) {
        double s = 0;
        for (int i = offset; i < offset + n; i++) {
            s += x[i];
        }
        return s / n;
    }

    private static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private static float[] plusEpsilon(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (values[i] + EPSILON);
        }
        return out;
    }
}
