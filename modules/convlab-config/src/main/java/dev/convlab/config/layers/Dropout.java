package dev.convlab.config.layers;

import dev.convlab.config.Checks;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.Optional;
import dev.convlab.config.schema.YamlName;

@YamlName("dropout")
@Doc("sets a fraction of its inputs to zero while training, as Keras's Dropout")
public record Dropout(
        @Doc("fraction of inputs dropped (Keras's meaning; DL4J's retain probability is 1 - rate)") double rate,
        @Doc("layer name") @Optional String name) implements LayerSpec {
    public Dropout {
        Checks.inRange("rate", rate, 0.0, 1.0);
    }
}
