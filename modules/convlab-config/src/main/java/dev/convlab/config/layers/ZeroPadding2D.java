package dev.convlab.config.layers;

import dev.convlab.config.Size2;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.Optional;
import dev.convlab.config.schema.YamlName;

@YamlName("zero_padding2d")
@Doc("adds rows and columns of zeros around each feature map (symmetric, as Keras's ZeroPadding2D with an int or a pair)")
public record ZeroPadding2D(
        @Doc("rows added at top and bottom, columns added left and right") @Default("1") Size2 padding,
        @Doc("layer name") @Optional String name) implements LayerSpec {
}
