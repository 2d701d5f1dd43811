package dev.convlab.config.layers;

import dev.convlab.config.Padding;
import dev.convlab.config.Size2;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.Optional;
import dev.convlab.config.schema.YamlName;

@YamlName("average_pooling2d")
@Doc("2-D average pooling, as Keras's AveragePooling2D")
public record AveragePooling2D(
        @Doc("pooling window") @Default("2") Size2 poolSize,
        @Doc("step of the window (default: pool_size)") @Optional Size2 strides,
        @Doc("valid or same") @Default("valid") Padding padding,
        @Doc("layer name") @Optional String name) implements LayerSpec {

    /** The strides in effect: Keras uses pool_size when strides is not given. */
    public Size2 effectiveStrides() {
        return strides != null ? strides : poolSize;
    }
}
