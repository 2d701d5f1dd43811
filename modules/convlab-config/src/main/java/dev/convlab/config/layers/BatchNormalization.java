package dev.convlab.config.layers;

import dev.convlab.config.Checks;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.Optional;
import dev.convlab.config.schema.YamlName;

@YamlName("batch_normalization")
@Doc("normalises each channel over the batch, as Keras's BatchNormalization")
public record BatchNormalization(
        @Doc("momentum of the moving mean and variance") @Default("0.99") double momentum,
        @Doc("added to the variance to avoid dividing by zero") @Default("0.001") double epsilon,
        @Doc("layer name") @Optional String name) implements LayerSpec {
    public BatchNormalization {
        Checks.inRange("momentum", momentum, 0.0, 1.0);
        Checks.positive("epsilon", epsilon);
    }
}
