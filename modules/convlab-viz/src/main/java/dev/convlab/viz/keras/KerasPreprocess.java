package dev.convlab.viz.keras;

import dev.convlab.config.BadInput;
import dev.convlab.config.ImageShape;
import dev.convlab.viz.Preprocessing;
import java.util.Arrays;
import java.util.Locale;

/**
 * Keras's {@code preprocess_input} (keras_applications.imagenet_utils), the four modes, on raw 0..255 RGB pixels,
 * and its inverse for showing images:
 * <ul>
 *   <li>{@code caffe} (VGG16, VGG19, ResNet50): RGB to BGR, then minus the ImageNet mean of each channel, B 103.939,
 *       G 116.779, R 123.68, no scaling;</li>
 *   <li>{@code tf} (Inception, Xception, MobileNet): {@code x / 127.5 - 1}, to -1..1;</li>
 *   <li>{@code torch} (DenseNet): {@code x / 255}, then minus mean (0.485, 0.456, 0.406) and divided by std (0.229,
 *       0.224, 0.225), per RGB channel;</li>
 *   <li>{@code none}: the raw pixels.</li>
 * </ul>
 */
public enum KerasPreprocess implements Preprocessing {
    CAFFE, TF, TORCH, NONE;

    static final double[] CAFFE_MEAN_BGR = {103.939, 116.779, 123.68};
    static final double[] TORCH_MEAN = {0.485, 0.456, 0.406};
    static final double[] TORCH_STD = {0.229, 0.224, 0.225};

    /** By its Keras name (caffe, tf, torch, none), case-insensitive. */
    public static KerasPreprocess of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInput("--preprocess", "'" + name + "' is not a preprocessing mode",
                    "use caffe (VGG16, VGG19, ResNet50), tf, torch or none");
        }
    }

    /** @throws BadInput when the mode needs RGB (caffe, torch) and the model takes grey images */
    public void check(ImageShape input) {
        if ((this == CAFFE || this == TORCH) && input.channels() != 3) {
            throw new BadInput("--preprocess", name().toLowerCase(Locale.ROOT) + " is for RGB models, and this one"
                    + " takes " + input, "use --preprocess tf or none");
        }
    }

    @Override
    public void apply(float[] chw, int channels, int plane) {
        switch (this) {
            case CAFFE -> {
                float[] rgb = chw.clone();
                for (int c = 0; c < 3; c++) {
                    int from = (2 - c) * plane;   // output channel c (B, G, R) is input channel 2 - c
                    for (int i = 0; i < plane; i++) {
                        chw[c * plane + i] = (float) (rgb[from + i] - CAFFE_MEAN_BGR[c]);
                    }
                }
            }
            case TF -> {
                for (int i = 0; i < chw.length; i++) {
                    chw[i] = (float) (chw[i] / 127.5 - 1);
                }
            }
            case TORCH -> {
                for (int c = 0; c < channels; c++) {
                    for (int i = c * plane; i < (c + 1) * plane; i++) {
                        chw[i] = (float) ((chw[i] / 255.0 - TORCH_MEAN[c]) / TORCH_STD[c]);
                    }
                }
            }
            case NONE -> {
            }
        }
    }

    @Override
    public double[] toRaw(double[] chw, int channels, int plane) {
        double[] raw = new double[chw.length];
        switch (this) {
            case CAFFE -> {
                for (int c = 0; c < 3; c++) {
                    int to = (2 - c) * plane;
                    for (int i = 0; i < plane; i++) {
                        raw[to + i] = chw[c * plane + i] + CAFFE_MEAN_BGR[c];
                    }
                }
            }
            case TF -> {
                for (int i = 0; i < chw.length; i++) {
                    raw[i] = (chw[i] + 1) * 127.5;
                }
            }
            case TORCH -> {
                for (int c = 0; c < channels; c++) {
                    for (int i = c * plane; i < (c + 1) * plane; i++) {
                        raw[i] = (chw[i] * TORCH_STD[c] + TORCH_MEAN[c]) * 255.0;
                    }
                }
            }
            case NONE -> System.arraycopy(chw, 0, raw, 0, chw.length);
        }
        return raw;
    }

    @Override
    public boolean reversesChannels() {
        return this == CAFFE;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT) + (this == CAFFE ? " (RGB to BGR, minus the ImageNet means "
                + Arrays.toString(CAFFE_MEAN_BGR) + ")" : "");
    }
}
