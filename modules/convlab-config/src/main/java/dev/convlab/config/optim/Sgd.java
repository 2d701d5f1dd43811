package dev.convlab.config.optim;

import dev.convlab.config.Checks;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.YamlName;

@YamlName("sgd")
@Doc("stochastic gradient descent with optional (Nesterov) momentum, as Keras's SGD")
public record Sgd(
        @Doc("step size") @Default("0.01") double learningRate,
        @Doc("momentum factor (0: plain SGD)") @Default("0.0") double momentum,
        @Doc("use Nesterov momentum") @Default("false") boolean nesterov) implements OptimizerSpec {
    public Sgd {
        Checks.positive("learning_rate", learningRate);
        Checks.inRange("momentum", momentum, 0.0, 1.0);
    }
}
