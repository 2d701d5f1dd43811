package dev.convlab.config.optim;

import dev.convlab.config.Checks;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.YamlName;

@YamlName("nadam")
@Doc("Nadam, as Keras's Nadam")
public record Nadam(
        @Doc("step size") @Default("0.001") double learningRate,
        @Doc("decay of the first-moment estimate") @YamlName("beta_1") @Default("0.9") double beta1,
        @Doc("decay of the second-moment estimate") @YamlName("beta_2") @Default("0.999") double beta2,
        @Doc("small constant for numerical stability") @Default("1.0e-7") double epsilon) implements OptimizerSpec {
    public Nadam {
        Checks.positive("learning_rate", learningRate);
        Checks.inRange("beta_1", beta1, 0.0, 1.0);
        Checks.inRange("beta_2", beta2, 0.0, 1.0);
        Checks.positive("epsilon", epsilon);
    }
}
