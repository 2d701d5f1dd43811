package dev.convlab.config.layers;

import dev.convlab.config.Activation;
import dev.convlab.config.Checks;
import dev.convlab.config.Initializer;
import dev.convlab.config.Padding;
import dev.convlab.config.Regularizer;
import dev.convlab.config.Size2;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.Optional;
import dev.convlab.config.schema.YamlName;

@YamlName("conv2d")
@Doc("2-D convolution, as Keras's Conv2D")
public record Conv2D(
        @Doc("number of output channels") int filters,
        @Doc("kernel height and width") Size2 kernelSize,
        @Doc("step of the kernel") @Default("1") Size2 strides,
        @Doc("valid (no padding) or same") @Default("valid") Padding padding,
        @Doc("spacing between kernel taps") @Default("1") Size2 dilationRate,
        @Doc("activation applied to the output") @Default("linear") Activation activation,
        @Doc("add a bias per filter") @Default("true") boolean useBias,
        @Doc("kernel initialiser") @Default("glorot_uniform") Initializer kernelInitializer,
        @Doc("bias initialiser") @Default("zeros") Initializer biasInitializer,
        @Doc("L1/L2 penalty on the kernel") @Optional Regularizer kernelRegularizer,
        @Doc("layer name (default conv2d, conv2d_1, ...)") @Optional String name) implements LayerSpec {
    public Conv2D {
        Checks.positive("filters", filters);
        if (dilationRate.height() > 1 || dilationRate.width() > 1) {
            if (strides.height() > 1 || strides.width() > 1) {
                throw new dev.convlab.config.InvalidValue("dilation_rate",
                        "dilation_rate " + dilationRate + " cannot be combined with strides " + strides + " (as in Keras)",
                        "use strides: 1 with a dilation, or dilation_rate: 1 with strides");
            }
        }
    }
}
