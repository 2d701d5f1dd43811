package dev.convlab.config.layers;

import dev.convlab.config.Activation;
import dev.convlab.config.Checks;
import dev.convlab.config.Initializer;
import dev.convlab.config.Regularizer;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.Optional;
import dev.convlab.config.schema.YamlName;

@YamlName("dense")
@Doc("fully connected layer, as Keras's Dense; the last dense layer is the output")
public record Dense(
        @Doc("number of outputs") int units,
        @Doc("activation applied to the output") @Default("linear") Activation activation,
        @Doc("add a bias per unit") @Default("true") boolean useBias,
        @Doc("kernel initialiser") @Default("glorot_uniform") Initializer kernelInitializer,
        @Doc("bias initialiser") @Default("zeros") Initializer biasInitializer,
        @Doc("L1/L2 penalty on the kernel") @Optional Regularizer kernelRegularizer,
        @Doc("layer name (default dense, dense_1, ...)") @Optional String name) implements LayerSpec {
    public Dense {
        Checks.positive("units", units);
    }
}
