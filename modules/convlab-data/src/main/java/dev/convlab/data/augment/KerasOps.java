package dev.convlab.data.augment;

import dev.convlab.config.FillMode;

/**
 * Keras's {@code ImageDataGenerator.apply_transform} on one CHW float image, in Keras's order: the affine map
 * (resampled once, or not at all when it is the identity), the channel shift, the horizontal then the vertical
 * flip, the brightness. Float arithmetic where numpy's is float32, double where scipy's is double.
 */
public final class KerasOps {
    private KerasOps() {
    }

    /** A new image; {@code image} is left alone. */
    public static float[] apply(float[] image, int channels, int height, int width, KerasTransform t, FillMode mode,
                                double cval) {
        int plane = height * width;
        if (image.length != channels * plane) {
            throw new IllegalArgumentException(image.length + " values are not a " + channels + "x" + height + "x"
                    + width + " image");
        }
        float[] x = image.clone();
        AffineMap map = AffineMap.of(t, height, width);
        if (map != null) {
            for (int c = 0; c < channels; c++) {
                Resampler.affine(image, c * plane, x, c * plane, height, width, map, mode, cval);
            }
        }
        if (t.channelShiftIntensity() != null) {
            channelShift(x, t.channelShiftIntensity().floatValue());
        }
        if (t.flipHorizontal()) {
            flipColumns(x, channels, height, width);
        }
        if (t.flipVertical()) {
            flipRows(x, channels, height, width);
        }
        if (t.brightness() != null) {
            brightness(x, t.brightness());
        }
        return x;
    }

    /** {@code apply_channel_shift}: the same value added to every channel, clipped to the image's own range. */
    static void channelShift(float[] x, float intensity) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(Math.max(x[i] + intensity, min), max);
        }
    }

    static void flipColumns(float[] x, int channels, int height, int width) {
        for (int row = 0; row < channels * height; row++) {
            int base = row * width;
            for (int a = base, b = base + width - 1; a < b; a++, b--) {
                float t = x[a];
                x[a] = x[b];
                x[b] = t;
            }
        }
    }

    static void flipRows(float[] x, int channels, int height, int width) {
        float[] line = new float[width];
        for (int c = 0; c < channels; c++) {
            int plane = c * height * width;
            for (int a = 0, b = height - 1; a < b; a++, b--) {
                System.arraycopy(x, plane + a * width, line, 0, width);
                System.arraycopy(x, plane + b * width, x, plane + a * width, width);
                System.arraycopy(line, 0, x, plane + b * width, width);
            }
        }
    }

    /**
     * {@code apply_brightness_shift}: Keras turns the array into an 8-bit PIL image (array_to_img lifts a negative
     * minimum to 0, divides by the maximum, multiplies by 255 and truncates), lets ImageEnhance.Brightness blend it
     * with black (PIL multiplies in float and truncates, clipping to 0..255), and turns it back into floats. So the
     * result is whole levels 0..255 whatever the input's scale, and an image whose brightest pixel is below 255 is
     * stretched to 255 first: Keras's behaviour, kept.
     */
    static void brightness(float[] x, double factor) {
        float min = Float.POSITIVE_INFINITY;
        for (float v : x) {
            min = Math.min(min, v);
        }
        float lift = Math.max(-min, 0f);
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            x[i] = x[i] + lift;
            max = Math.max(max, x[i]);
        }
        float alpha = (float) factor;
        for (int i = 0; i < x.length; i++) {
            float v = x[i];
            if (max != 0) {
                v /= max;
            }
            v *= 255f;
            int level = (int) v;
            float blended = alpha * level;
            x[i] = blended <= 0f ? 0f : blended >= 255f ? 255f : (int) blended;
        }
    }
}
