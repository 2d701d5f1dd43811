package dev.convlab.config.augment;

import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.YamlName;

@YamlName("color_conversion")
@Doc("DataVec's ColorConversionTransform: converts colour images from RGB to another colour space (OpenCV's"
        + " 8-bit scaling of it)")
public record ColorConversion(
        @Doc("the colour space the network sees") ColourSpace to,
        @Doc("chance that it is applied") @Default("1.0") double probability) implements DataVecTransform {
    public ColorConversion {
        OpProbabilities.probability("probability", probability);
    }
}
