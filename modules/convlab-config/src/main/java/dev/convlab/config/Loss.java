package dev.convlab.config;

import dev.convlab.config.schema.Doc;

/** Loss functions by their Keras names. */
public enum Loss {
    @Doc("cross-entropy over one-hot classes; the last layer must be a softmax") CATEGORICAL_CROSSENTROPY,
    @Doc("cross-entropy of independent 0/1 outputs; the last layer must be a sigmoid") BINARY_CROSSENTROPY,
    @Doc("mean of squared differences") MEAN_SQUARED_ERROR
}
