package dev.convlab.model;

import dev.convlab.config.Initializer;
import dev.convlab.config.Padding;
import dev.convlab.config.Size2;
import dev.convlab.config.layers.BatchNormalization;
import dev.convlab.config.layers.Conv2D;
import dev.convlab.config.layers.Dense;
import dev.convlab.config.layers.Dropout;
import dev.convlab.config.layers.Flatten;
import dev.convlab.config.layers.MaxPooling2D;
import dev.convlab.config.layers.VggBlock;
import dev.convlab.config.layers.VggTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a vgg template out as the layer list Keras's VGG16 has: 3x3 same-padded convolutions and a 2x2 max pool
 * per block (blockX_convY, blockX_pool), flatten, fc1, fc2, ... and predictions. Each layer remembers the template
 * option it came from, so a problem points at {@code model.vgg.blocks[3]} rather than at a layer the user never wrote.
 */
final class VggExpansion {
    private static final String VGG = "model.vgg";
    private static final BatchNormalization KERAS_BN = new BatchNormalization(0.99, 0.001, null);

    private VggExpansion() {
    }

    static List<SourcedLayer> expand(VggTemplate vgg, int numClasses) {
        List<SourcedLayer> layers = new ArrayList<>();
        Size2 kernel = Size2.of(vgg.kernelSize());
        for (int b = 0; b < vgg.blocks().size(); b++) {
            VggBlock block = vgg.blocks().get(b);
            String blockPath = VGG + ".blocks[" + b + "]";
            Origin convOrigin = Origin.template(blockPath,
                    Map.of("kernel_size", VGG + ".kernel_size", "activation", VGG + ".activation"));
            for (int c = 1; c <= block.convs(); c++) {
                String name = "block" + (b + 1) + "_conv" + c;
                layers.add(new SourcedLayer(new Conv2D(block.filters(), kernel, Size2.of(1), Padding.SAME, Size2.of(1),
                        vgg.activation(), true, Initializer.GLOROT_UNIFORM, Initializer.ZEROS, null, name), convOrigin));
                if (vgg.batchNormalization()) {
                    layers.add(new SourcedLayer(new BatchNormalization(KERAS_BN.momentum(), KERAS_BN.epsilon(),
                            "block" + (b + 1) + "_bn" + c), Origin.template(blockPath, Map.of())));
                }
            }
            layers.add(new SourcedLayer(new MaxPooling2D(Size2.of(2), Size2.of(2), Padding.VALID, "block" + (b + 1) + "_pool"),
                    Origin.template(blockPath, Map.of())));
        }
        layers.add(new SourcedLayer(new Flatten("flatten"), Origin.template(VGG, Map.of())));
        for (int d = 0; d < vgg.dense().size(); d++) {
            layers.add(new SourcedLayer(new Dense(vgg.dense().get(d), vgg.activation(), true, Initializer.GLOROT_UNIFORM,
                    Initializer.ZEROS, null, "fc" + (d + 1)), Origin.template(VGG + ".dense[" + d + "]", Map.of())));
            if (vgg.dropout() > 0) {
                layers.add(new SourcedLayer(new Dropout(vgg.dropout(), null), Origin.template(VGG + ".dropout", Map.of())));
            }
        }
        int classes = vgg.classes() != null ? vgg.classes() : numClasses;
        layers.add(new SourcedLayer(new Dense(classes, vgg.outputActivation(), true, Initializer.GLOROT_UNIFORM,
                Initializer.ZEROS, null, "predictions"),
                Origin.template(VGG, Map.of("units", VGG + ".classes", "activation", VGG + ".output_activation"))));
        return layers;
    }
}
