package dev.convlab.train;

import dev.convlab.config.DataConfig;

/**
 * How the report shows a test image: as the user would see the file, not as the network's input. Rescaled pixels
 * are divided back to 0..1 of the raw 0..255 range, so a dark digit stays dark; normalised ones (featurewise or
 * samplewise) cannot be mapped back to a brightness, so each image is stretched from its own min..max to 0..1.
 *
 * @param rescale    data.rescale: what raw 0..255 values were multiplied by
 * @param normalised whether data.augmentation centres or scales the images after the rescale
 */
record DisplayPixels(double rescale, boolean normalised) {

    static DisplayPixels of(DataConfig data) {
        return new DisplayPixels(data.rescale(), data.augmentation() != null && data.augmentation().normalises());
    }

    /** 0..1 values for one CHW image of the network's input, in a new array. */
    float[] show(float[] input) {
        float[] out = new float[input.length];
        if (normalised) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (float v : input) {
                if (Float.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            float range = max - min;
            for (int i = 0; i < input.length; i++) {
                out[i] = range > 0 && Float.isFinite(input[i]) ? (input[i] - min) / range : 0f;
            }
        } else {
            double scale = 255 * rescale;
            for (int i = 0; i < input.length; i++) {
                out[i] = (float) Math.max(0, Math.min(1, input[i] / scale));
            }
        }
        return out;
    }
}
