package dev.convlab.model;

import dev.convlab.config.Loss;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/** Keras losses to DL4J loss functions, scaled as Keras scales them (mean over outputs, mean over the batch). */
final class Losses {
    /** Keras clips probabilities to [1e-7, 1 - 1e-7] (backend epsilon); DL4J's default is 1e-5. */
    private static final double KERAS_EPSILON = 1e-7;

    private Losses() {
    }

    static ILossFunction of(Loss loss, int units) {
        return switch (loss) {
            case CATEGORICAL_CROSSENTROPY -> new LossMCXENT();
            // DL4J sums binary cross-entropy over the outputs where Keras averages: weight each by 1/units.
            case BINARY_CROSSENTROPY -> new LossBinaryXENT(KERAS_EPSILON,
                    units == 1 ? null : Nd4j.ones(DataType.FLOAT, 1, units).divi(units));
            case MEAN_SQUARED_ERROR -> new LossMSE(); // already divided by the number of outputs
        };
    }
}
