package dev.convlab.config.augment;

import dev.convlab.config.InvalidValue;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;

/**
 * Beyond Keras: the chance that each op is applied to an image. Keras always applies the ops it is given (and
 * each flip with chance 0.5); those are the defaults. An op that is not applied leaves the image as it was for
 * that op; the others still apply.
 */
@Doc("the chance that each op is applied to an image (beyond Keras; the defaults are Keras's behaviour)")
public record OpProbabilities(
        @Doc("rotation_range") @Default("1.0") double rotation,
        @Doc("width_shift_range") @Default("1.0") double widthShift,
        @Doc("height_shift_range") @Default("1.0") double heightShift,
        @Doc("shear_range") @Default("1.0") double shear,
        @Doc("zoom_range") @Default("1.0") double zoom,
        @Doc("channel_shift_range") @Default("1.0") double channelShift,
        @Doc("brightness_range") @Default("1.0") double brightness,
        @Doc("horizontal_flip (Keras: 0.5)") @Default("0.5") double horizontalFlip,
        @Doc("vertical_flip (Keras: 0.5)") @Default("0.5") double verticalFlip) {

    /** Keras's behaviour. */
    public static final OpProbabilities KERAS = new OpProbabilities(1, 1, 1, 1, 1, 1, 1, 0.5, 0.5);

    public OpProbabilities {
        probability("rotation", rotation);
        probability("width_shift", widthShift);
        probability("height_shift", heightShift);
        probability("shear", shear);
        probability("zoom", zoom);
        probability("channel_shift", channelShift);
        probability("brightness", brightness);
        probability("horizontal_flip", horizontalFlip);
        probability("vertical_flip", verticalFlip);
    }

    static double probability(String field, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new InvalidValue(field, p + " is not a probability", "use a number from 0 to 1");
        }
        return p;
    }
}
