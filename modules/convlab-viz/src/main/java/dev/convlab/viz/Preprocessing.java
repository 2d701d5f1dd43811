package dev.convlab.viz;

import dev.convlab.data.augment.Standardizer;

/**
 * How raw pixels (0..255, RGB or grey, CHW) become what a network is fed, and back for showing an input found by
 * gradient ascent.
 */
public interface Preprocessing {

    /** Raw pixels of one image, CHW, turned into network input in place. */
    void apply(float[] chw, int channels, int plane);

    /** Network input turned back into raw pixels (0..255 scale, RGB channel order), CHW, for showing. */
    double[] toRaw(double[] chw, int channels, int plane);

    /** Whether the network's input channels are the image's in reverse order (BGR): Keras's caffe mode. */
    default boolean reversesChannels() {
        return false;
    }

    /**
     * A convlab model's standardisation (rescale and data.augmentation's normalisation). Inputs are shown as the
     * network sees them: Keras's deprocess_image centres and scales every picture anyway, and the channels of a
     * convlab model stay in RGB order.
     */
    static Preprocessing of(Standardizer standardizer) {
        return new Preprocessing() {
            @Override
            public void apply(float[] chw, int channels, int plane) {
                standardizer.apply(chw, 0, channels, plane);
            }

            @Override
            public double[] toRaw(double[] chw, int channels, int plane) {
                return chw.clone();
            }
        };
    }
}
