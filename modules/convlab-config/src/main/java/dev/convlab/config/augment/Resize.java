package dev.convlab.config.augment;

import dev.convlab.config.Checks;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.YamlName;

@YamlName("resize")
@Doc("DataVec's ResizeImageTransform: resizes to height x width (bilinear) and back to data.image, so the network"
        + " sees the detail of that resolution")
public record Resize(
        @Doc("height in pixels") int height,
        @Doc("width in pixels") int width,
        @Doc("chance that it is applied") @Default("1.0") double probability) implements DataVecTransform {
    public Resize {
        Checks.positive("height", height);
        Checks.positive("width", width);
        OpProbabilities.probability("probability", probability);
    }
}
