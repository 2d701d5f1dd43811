package dev.convlab.model.init;

import dev.convlab.config.Initializer;
import java.util.OptionalDouble;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInitConstant;

/** Keras initialiser names to DL4J: kernels get Keras's exact formulas, biases a constant (all DL4J allows). */
public final class Initializers {
    private Initializers() {
    }

    public static IWeightInit kernel(Initializer init) {
        return switch (init) {
            case GLOROT_UNIFORM -> KerasVarianceScaling.glorotUniform();
            case GLOROT_NORMAL -> KerasVarianceScaling.glorotNormal();
            case HE_UNIFORM -> KerasVarianceScaling.heUniform();
            case HE_NORMAL -> KerasVarianceScaling.heNormal();
            case LECUN_UNIFORM -> KerasVarianceScaling.lecunUniform();
            case LECUN_NORMAL -> KerasVarianceScaling.lecunNormal();
            case ZEROS -> new WeightInitConstant(0.0);
            case ONES -> new WeightInitConstant(1.0);
            case RANDOM_UNIFORM -> KerasRandomUniform.kerasDefault();
            case RANDOM_NORMAL -> KerasRandomNormal.kerasDefault();
        };
    }

    /** The constant a bias starts at, or empty when Keras's initialiser is random (DL4J cannot do that). */
    public static OptionalDouble biasConstant(Initializer init) {
        return switch (init) {
            case ZEROS -> OptionalDouble.of(0.0);
            case ONES -> OptionalDouble.of(1.0);
            default -> OptionalDouble.empty();
        };
    }
}
