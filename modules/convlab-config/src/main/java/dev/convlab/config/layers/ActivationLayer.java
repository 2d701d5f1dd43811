package dev.convlab.config.layers;

import dev.convlab.config.Activation;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.Optional;
import dev.convlab.config.schema.YamlName;

@YamlName("activation")
@Doc("applies an activation function, as Keras's Activation layer")
public record ActivationLayer(
        @Doc("the function") Activation activation,
        @Doc("layer name") @Optional String name) implements LayerSpec {
}
