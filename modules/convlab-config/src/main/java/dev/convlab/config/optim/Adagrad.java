package dev.convlab.config.optim;

import dev.convlab.config.Checks;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.YamlName;

@YamlName("adagrad")
@Doc("Adagrad, as Keras's Adagrad")
public record Adagrad(
        @Doc("step size") @Default("0.001") double learningRate,
        @Doc("small constant for numerical stability") @Default("1.0e-7") double epsilon) implements OptimizerSpec {
    public Adagrad {
        Checks.positive("learning_rate", learningRate);
        Checks.positive("epsilon", epsilon);
    }
}
