package dev.convlab.config.optim;

import dev.convlab.config.schema.Registry;

/** An optimizer, chosen by {@code type} with Keras's names and defaults; a bare name means all defaults. */
@Registry(discriminator = "type")
public sealed interface OptimizerSpec permits Sgd, RmsProp, Adagrad, Adadelta, Adam, Adamax, Nadam {
    double learningRate();
}
