package dev.convlab.config.augment;

import dev.convlab.config.Checks;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.YamlName;

@YamlName("crop")
@Doc("DataVec's CropImageTransform: cuts a random number of pixels, up to the given counts, off each side; the rest"
        + " is resized back to data.image (bilinear)")
public record Crop(
        @Doc("at most this many rows off the top") @Default("0") int top,
        @Doc("at most this many columns off the left") @Default("0") int left,
        @Doc("at most this many rows off the bottom") @Default("0") int bottom,
        @Doc("at most this many columns off the right") @Default("0") int right,
        @Doc("chance that it is applied") @Default("1.0") double probability) implements DataVecTransform {
    public Crop {
        Checks.nonNegative("top", top);
        Checks.nonNegative("left", left);
        Checks.nonNegative("bottom", bottom);
        Checks.nonNegative("right", right);
        OpProbabilities.probability("probability", probability);
    }
}
