package dev.convlab.config;

import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;

/** Keras's L1L2 kernel regulariser: adds l1 * sum(|w|) + l2 * sum(w^2) to the loss. */
public record Regularizer(
        @Doc("factor of the sum of absolute weights") @Default("0.0") double l1,
        @Doc("factor of the sum of squared weights (as Keras: l2 * sum(w^2))") @Default("0.0") double l2) {
    public Regularizer {
        Checks.nonNegative("l1", l1);
        Checks.nonNegative("l2", l2);
    }
}
