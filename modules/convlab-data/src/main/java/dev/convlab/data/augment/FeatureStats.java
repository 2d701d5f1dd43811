package dev.convlab.data.augment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's featurewise statistics ({@code ImageDataGenerator.fit}): the mean and standard deviation of each channel
 * over all pixels of all training images (numpy's std: divided by n). Unlike Keras, whose fit sees the raw pixels
 * while its standardize subtracts them after rescale, convlab computes them on the values the featurewise step
 * receives (after rescale and the samplewise ops), so they mean what they say.
 *
 * @param images how many training images they were computed from
 */
public record FeatureStats(double[] mean, double[] std, long images) {

    public FeatureStats {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("one mean and one std per channel, got " + mean.length + " and "
                    + std.length);
        }
        mean = mean.clone();
        std = std.clone();
    }

    public int channels() {
        return mean.length;
    }

    /** As saved in the run manifest and model.zip. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mean", list(mean));
        map.put("std", list(std));
        map.put("images", images);
        return map;
    }

    /** Reads what {@link #toMap()} wrote (numbers may come back as any Number). */
    public static FeatureStats fromMap(Map<?, ?> map) {
        Object mean = map.get("mean");
        Object std = map.get("std");
        Object images = map.get("images");
        if (!(mean instanceof List<?> m) || !(std instanceof List<?> s) || !(images instanceof Number n)) {
            throw new IllegalArgumentException("featurewise statistics need mean, std and images, got " + map);
        }
        return new FeatureStats(array(m), array(s), n.longValue());
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>();
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    private static double[] array(List<?> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).doubleValue();
        }
        return out;
    }

    /** Sums per channel in double over images added one by one. */
    public static final class Accumulator {
        private final int channels;
        private final double[] sum;
        private final double[] squares;
        private long images;
        private long perChannel;

        public Accumulator(int channels) {
            this.channels = channels;
            this.sum = new double[channels];
            this.squares = new double[channels];
        }

        /** Adds one CHW image starting at {@code offset}. */
        public void add(float[] x, int offset, int plane) {
            for (int c = 0; c < channels; c++) {
                double s = 0;
                double q = 0;
                int base = offset + c * plane;
                for (int i = 0; i < plane; i++) {
                    double v = x[base + i];
                    s += v;
                    q += v * v;
                }
                sum[c] += s;
                squares[c] += q;
            }
            images++;
            perChannel += plane;
        }

        public FeatureStats result() {
            if (images == 0) {
                throw new IllegalStateException("no training images to compute featurewise statistics from");
            }
            double[] mean = new double[channels];
            double[] std = new double[channels];
            for (int c = 0; c < channels; c++) {
                mean[c] = sum[c] / perChannel;
                std[c] = Math.sqrt(Math.max(0, squares[c] / perChannel - mean[c] * mean[c]));
            }
            return new FeatureStats(mean, std, images);
        }
    }
}
