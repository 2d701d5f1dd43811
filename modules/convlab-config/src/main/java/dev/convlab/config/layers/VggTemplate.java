package dev.convlab.config.layers;

import dev.convlab.config.Activation;
import dev.convlab.config.Checks;
import dev.convlab.config.InvalidValue;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.Optional;
import java.util.List;

/**
 * A VGG-style network from blocks, with Keras's layer names: blockX_convY, blockX_pool, flatten, fc1, fc2, ...,
 * predictions.
 */
@Doc("a VGG-style network built from blocks, named as Keras names VGG16's layers")
public record VggTemplate(
        @Doc("the convolution blocks, e.g. VGG16: 64x2, 128x2, 256x3, 512x3, 512x3") List<VggBlock> blocks,
        @Doc("kernel size of every convolution") @Default("3") int kernelSize,
        @Doc("activation of convolutions and hidden dense layers") @Default("relu") Activation activation,
        @Doc("a batch_normalization after each convolution") @Default("false") boolean batchNormalization,
        @Doc("units of the hidden dense layers fc1, fc2, ... (VGG16: [4096, 4096])") @Default("[4096, 4096]") List<Integer> dense,
        @Doc("dropout rate after each hidden dense layer (0: none, as Keras's VGG16)") @Default("0.0") double dropout,
        @Doc("output classes (default: the dataset's class count)") @Optional Integer classes,
        @Doc("activation of the predictions layer") @Default("softmax") Activation outputActivation) {
    public VggTemplate {
        blocks = Checks.copy(blocks);
        dense = Checks.copy(dense);
        if (blocks.isEmpty()) {
            throw new InvalidValue("blocks", "needs at least one block", "add blocks: [{filters: 64, convs: 2}]");
        }
        Checks.positive("kernel_size", kernelSize);
        for (Integer units : dense) {
            Checks.positive("dense", units);
        }
        Checks.inRange("dropout", dropout, 0.0, 1.0);
        if (classes != null) {
            Checks.positive("classes", classes);
        }
    }
}
