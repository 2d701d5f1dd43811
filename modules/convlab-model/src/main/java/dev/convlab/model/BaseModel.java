package dev.convlab.model;

import dev.convlab.config.ImageShape;
import dev.convlab.config.Loss;
import dev.convlab.config.ModelConfig;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A trained model that a config's {@code model.base} starts from: how it was planned (its own model section, input
 * shape, class count and loss; {@code base} when it was itself made from a base) and its network, whose weights the
 * kept layers take. Loaded from its file by convlab-train's {@code BaseModels}.
 */
public record BaseModel(String from, ModelConfig model, ImageShape input, int numClasses, Loss loss, BaseModel base,
                        MultiLayerNetwork network) {
}
