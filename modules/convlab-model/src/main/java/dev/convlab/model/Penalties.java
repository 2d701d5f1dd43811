package dev.convlab.model;

/**
 * Keras's kernel_regularizer coefficients as DL4J's. Keras adds l1 * sum|w| + l2 * sum(w^2) to the loss (gradient
 * l1 * sign(w) + 2 * l2 * w); DL4J's L1Regularization adds l1 * sum|w| but its L2Regularization adds
 * 0.5 * l2 * sum(w^2) (gradient l2 * w), so Keras's l2 is doubled. Both apply to weights only, as Keras's
 * kernel_regularizer does, and before the updater, as a term of the loss does.
 */
final class Penalties {
    private Penalties() {
    }

    static double dl4jL1(double kerasL1) {
        return kerasL1;
    }

    static double dl4jL2(double kerasL2) {
        return 2.0 * kerasL2;
    }
}
