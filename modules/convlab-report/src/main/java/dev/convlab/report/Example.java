package dev.convlab.report;

import java.util.Objects;

/**
 * One classified image for {@link ExampleGrid}: its pixels as the network saw them and what it was called.
 *
 * <p>{@code pixels} are channels-first (CHW, the layout of one example of a DL4J NCHW batch), ideally 0..1. An
 * image whose values all lie in 0..1 is drawn as is; otherwise it is rescaled from its own min..max to 0..1 (so
 * 0..255 pixels and standardised ones both show). One channel is grey, three are RGB; with any other count the
 * first channel is shown in grey. The array is not copied.
 *
 * @param confidence the probability of the predicted class, 0..1; NaN leaves it out of the caption
 */
public record Example(float[] pixels, int height, int width, int channels, String trueLabel, String predictedLabel,
                      double confidence) {

    public Example {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(trueLabel, "trueLabel");
        Objects.requireNonNull(predictedLabel, "predictedLabel");
        if (height < 1 || width < 1 || channels < 1) {
            throw new IllegalArgumentException("image shape must be positive, got " + channels + "x" + height
                    + "x" + width + " (CHW)");
        }
        if ((long) height * width * channels != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " pixels do not make a " + channels + "x" + height
                    + "x" + width + " (CHW) image of " + (long) height * width * channels);
        }
    }
}
