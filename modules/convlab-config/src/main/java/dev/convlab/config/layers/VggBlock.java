package dev.convlab.config.layers;

import dev.convlab.config.Checks;
import dev.convlab.config.schema.Doc;

/** One VGG block: {@code convs} 3x3 convolutions of {@code filters} channels, then a 2x2 max pooling. */
public record VggBlock(
        @Doc("channels of each convolution in the block") int filters,
        @Doc("number of convolutions in the block") int convs) {
    public VggBlock {
        Checks.positive("filters", filters);
        Checks.positive("convs", convs);
    }
}
