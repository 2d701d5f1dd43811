package dev.convlab.config;

import dev.convlab.config.augment.DataVecTransform;
import dev.convlab.config.augment.OpProbabilities;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.Optional;
import java.util.List;

/**
 * Keras's ImageDataGenerator options, with Keras's names and meanings. The random ops (rotation to brightness,
 * the flips, the DataVec transforms) change training images only, drawn anew for every image and epoch from the
 * run's seed; the geometric ones are combined into one affine map about the image centre and resampled once, as
 * Keras's apply_transform does. The four normalisation options apply to every split, with statistics of the
 * training images.
 */
@Doc("random changes to the training images and per-image normalisation, as Keras's ImageDataGenerator")
public record AugmentationConfig(
        @Doc("degrees; each image is rotated by an angle drawn uniformly from [-r, r]")
        @Default("0") double rotationRange,
        @Doc("horizontal shift (along columns), as Keras: see the shift type")
        @Default("0") ShiftRange widthShiftRange,
        @Doc("vertical shift (along rows), as Keras: see the shift type")
        @Default("0") ShiftRange heightShiftRange,
        @Doc("shear angle in degrees (counter-clockwise), drawn uniformly from [-s, s]")
        @Default("0") double shearRange,
        @Doc("zoom factors for rows and columns, drawn independently from the interval")
        @Default("0") ZoomRange zoomRange,
        @Doc("[lo, hi]: brightness factor drawn from it; as Keras (through PIL's ImageEnhance), the image is first"
                + " scaled so that its brightest pixel is 255, and the result is whole levels 0..255")
        @Optional List<Double> brightnessRange,
        @Doc("a value drawn from [-c, c] is added to every pixel, clipped to the image's own min and max (raw 0..255"
                + " pixel units)")
        @Default("0") double channelShiftRange,
        @Doc("how points brought in from outside the image are filled")
        @Default("nearest") FillMode fillMode,
        @Doc("the fill value of fill_mode constant (raw 0..255 pixel units)")
        @Default("0") double cval,
        @Doc("flip left-right with chance 0.5 (see probability)") @Default("false") boolean horizontalFlip,
        @Doc("flip upside down with chance 0.5 (see probability)") @Default("false") boolean verticalFlip,
        @Doc("subtract the training set's per-channel mean (every split; saved with the model)")
        @Default("false") boolean featurewiseCenter,
        @Doc("divide by the training set's per-channel standard deviation (every split; saved with the model)")
        @Default("false") boolean featurewiseStdNormalization,
        @Doc("subtract each image's own mean (every split)") @Default("false") boolean samplewiseCenter,
        @Doc("divide each image by its own standard deviation (every split)")
        @Default("false") boolean samplewiseStdNormalization,
        @Doc("beyond Keras: the chance that each op is applied") @Default("{}") OpProbabilities probability,
        @Doc("beyond Keras: DataVec's transforms, applied in this order before the ops above")
        @Optional List<DataVecTransform> datavec) {

    public AugmentationConfig {
        Checks.nonNegative("rotation_range", rotationRange);
        Checks.nonNegative("shear_range", shearRange);
        Checks.nonNegative("channel_shift_range", channelShiftRange);
        if (!Double.isFinite(cval)) {
            throw new InvalidValue("cval", cval + " is not a finite number", "use e.g. 0");
        }
        brightnessRange = Checks.copy(brightnessRange);
        if (!brightnessRange.isEmpty() && (brightnessRange.size() != 2 || !(brightnessRange.get(0) >= 0)
                || !(brightnessRange.get(1) >= brightnessRange.get(0)) || Double.isInfinite(brightnessRange.get(1)))) {
            throw new InvalidValue("brightness_range", brightnessRange + " is not a brightness interval",
                    "give two factors [lo, hi] with 0 <= lo <= hi, e.g. [0.8, 1.2]");
        }
        datavec = Checks.copy(datavec);
        widthShiftRange = widthShiftRange == null ? ShiftRange.NONE : widthShiftRange;
        heightShiftRange = heightShiftRange == null ? ShiftRange.NONE : heightShiftRange;
        zoomRange = zoomRange == null ? ZoomRange.NONE : zoomRange;
        fillMode = fillMode == null ? FillMode.NEAREST : fillMode;
        probability = probability == null ? OpProbabilities.KERAS : probability;
    }

    /** Nothing at all: every option at Keras's default. */
    public static AugmentationConfig none() {
        return new AugmentationConfig(0, ShiftRange.NONE, ShiftRange.NONE, 0, ZoomRange.NONE, List.of(), 0,
                FillMode.NEAREST, 0, false, false, false, false, false, false, OpProbabilities.KERAS, List.of());
    }

    /** True when some op changes training images at random. */
    public boolean isRandom() {
        return rotationRange != 0 || widthShiftRange.isActive() || heightShiftRange.isActive() || shearRange != 0
                || zoomRange.isActive() || !brightnessRange.isEmpty() || channelShiftRange != 0 || horizontalFlip
                || verticalFlip || !datavec.isEmpty();
    }

    /** True when images are normalised (on every split). */
    public boolean normalises() {
        return featurewiseCenter || featurewiseStdNormalization || samplewiseCenter || samplewiseStdNormalization;
    }

    /** True when training statistics are needed. */
    public boolean featurewise() {
        return featurewiseCenter || featurewiseStdNormalization;
    }
}
