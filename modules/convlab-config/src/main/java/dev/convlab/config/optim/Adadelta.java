package dev.convlab.config.optim;

import dev.convlab.config.Checks;
import dev.convlab.config.InvalidValue;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.YamlName;

@YamlName("adadelta")
@Doc("Adadelta, as in the paper and Keras 2.2 (DL4J's AdaDelta has no learning rate: it is fixed at 1.0)")
public record Adadelta(
        @Doc("must be 1.0: DL4J's AdaDelta applies its update unscaled") @Default("1.0") double learningRate,
        @Doc("decay of the moving averages") @Default("0.95") double rho,
        @Doc("small constant for numerical stability") @Default("1.0e-7") double epsilon) implements OptimizerSpec {
    public Adadelta {
        if (learningRate != 1.0) {
            throw new InvalidValue("learning_rate", learningRate + ": DL4J's AdaDelta has no learning rate (it acts as 1.0)",
                    "remove learning_rate, or pick another optimizer to tune a step size");
        }
        Checks.inRange("rho", rho, 0.0, 1.0);
        Checks.positive("epsilon", epsilon);
    }
}
