package dev.convlab.backend;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Plain ReLU (no max, threshold or negative slope) whose backward pass is two vectorised ND4J ops instead of
 * libnd4j's {@code relu_bp}: the gradient {@code z > 0 ? epsilon : 0} as {@code step(z) * epsilon}.
 *
 * <p>Why: in DL4J 1.0.0-M2.1, {@code ActivationReLU.backprop} runs {@code relu_bp}, which calls a
 * {@code std::function} for every element (perf: a tenth of an MNIST CNN training step's CPU time). On this
 * machine it took 1.8-2.0 ms for the MNIST CNN's first convolution output (64x32x26x26) and 24-38 ms for the
 * cats-vs-dogs CNN's (32x32x148x148); these two ops take 0.24 ms and 11-12 ms.
 *
 * <p>The numbers: for finite {@code epsilon} the result equals relu_bp's as float values. Bit patterns differ only
 * in the sign of a zero: where {@code z <= 0} and {@code epsilon < 0}, {@code 0 * epsilon} is -0 where relu_bp
 * writes +0, which no later sum, product or optimizer step can tell apart (x + -0 = x; FastPathNetworkTest trains
 * both ways and compares the parameters bit for bit). Where {@code epsilon} is infinite or NaN at a unit with
 * {@code z <= 0}, relu_bp gives 0 and this gives NaN; a gradient that is already infinite or NaN means the
 * training has diverged either way.
 *
 * <p>Only {@link FastReluConvolution} uses it, and only inside its backward pass: a configuration never holds this
 * class, so a saved model names DL4J's own ActivationReLU and opens in plain DL4J.
 */
final class ReluBackprop extends ActivationReLU {
    static final ReluBackprop INSTANCE = new ReluBackprop();

    private ReluBackprop() {
    }

    /** Whether {@code activation} is exactly the plain ReLU this class computes the gradient of. */
    static boolean replaces(Object activation) {
        return activation != null && activation.getClass() == ActivationReLU.class
                && activation.equals(new ActivationReLU());
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        INDArray grad = in.ulike(); // as ActivationReLU: a new array in the current workspace, `in` untouched
        Nd4j.getExecutioner().exec(new Step(in, grad, 0.0)); // 1 where z > 0, else 0 (NaN z: 0, as relu_bp)
        Nd4j.getExecutioner().exec(new MulOp(grad, epsilon, grad));
        return new Pair<>(grad, null);
    }
}
