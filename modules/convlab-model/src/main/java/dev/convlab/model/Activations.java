package dev.convlab.model;

import dev.convlab.config.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationGELU;
import org.nd4j.linalg.activations.impl.ActivationHardSigmoid;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationMish;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU6;
import org.nd4j.linalg.activations.impl.ActivationSELU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftPlus;
import org.nd4j.linalg.activations.impl.ActivationSoftSign;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationSwish;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/** Keras activation names to DL4J activation functions. */
final class Activations {
    private Activations() {
    }

    static IActivation of(Activation activation) {
        return switch (activation) {
            // DL4J's layers default to sigmoid, so Keras's "no activation" must be spelled out as identity.
            case LINEAR -> new ActivationIdentity();
            case RELU -> new ActivationReLU();
            case RELU6 -> new ActivationReLU6();
            case LEAKY_RELU -> new ActivationLReLU(0.01);
            case SIGMOID -> new ActivationSigmoid();
            case HARD_SIGMOID -> new ActivationHardSigmoid(); // min(1, max(0, 0.2x + 0.5)), as Keras 2
            case TANH -> new ActivationTanH();
            case SOFTMAX -> new ActivationSoftmax();
            case SOFTPLUS -> new ActivationSoftPlus();
            case SOFTSIGN -> new ActivationSoftSign();
            case ELU -> new ActivationELU(1.0);
            case SELU -> new ActivationSELU();
            case SWISH -> new ActivationSwish();
            // DL4J's default GELU is the sigmoid approximation; "precise" is the tanh form, closest to Keras's erf.
            case GELU -> new ActivationGELU(true);
            case MISH -> new ActivationMish();
        };
    }
}
