package dev.convlab.config.optim;

import dev.convlab.config.Checks;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.YamlName;

@YamlName("rmsprop")
@Doc("RMSprop, as Keras's RMSprop")
public record RmsProp(
        @Doc("step size") @Default("0.001") double learningRate,
        @Doc("decay of the moving average of squared gradients") @Default("0.9") double rho,
        @Doc("small constant for numerical stability") @Default("1.0e-7") double epsilon) implements OptimizerSpec {
    public RmsProp {
        Checks.positive("learning_rate", learningRate);
        Checks.inRange("rho", rho, 0.0, 1.0);
        Checks.positive("epsilon", epsilon);
    }
}
