package dev.convlab.backend;

import static dev.convlab.backend.Agreement.tolerance;

import dev.convlab.backend.testing.SingleThreaded;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Convolution on the fast path (DL4J's MKLDNNConvHelper → libnd4j conv2d → oneDNN) against DL4J's built-in
 * im2col + sgemm, for strides 1 and 2, valid (Truncate) and same padding, dilation 2, NCHW: forward output,
 * gradients of every parameter and of the input, and parameters after four SGD steps.
 *
 * <p>Network: input 4×3×10×10 → conv 3×3, 8 filters, tanh → dense identity output of 5 with squared error. tanh
 * rather than ReLU: a kink at 0 turns a rounding-sized difference of a pre-activation near 0 into a full-sized one
 * in the gradient, which tests the data, not the fast path. The identity/squared-error output keeps every compared
 * quantity a chain of sums, so the tolerances follow from the accumulation lengths alone (see {@link Agreement}).
 * The sizes make 10 − 3 = 7 odd on purpose: valid stride 2 then drops the last row and column (oneDNN gets a
 * negative right padding), and same stride 2 pads one row at the bottom only.
 *
 * <p>Dilation does not reach oneDNN, a finding of this test: libnd4j 1.0.0-M2.1's oneDNN conv2d
 * (ops/declarable/platform/mkldnn/conv2d.cpp) computes oneDNN's right padding from the undilated kernel,
 * (oH − 1)·sH − iH + kH − pH, where the dilated extent (kH − 1)·dH + 1 belongs; oneDNN rejects the inconsistent
 * descriptor ("could not create a descriptor for a dilated convolution forward propagation primitive"), DL4J logs a
 * warning with the stack trace, counts the failure and computes that layer with its built-in code from then on.
 * So dilated convolutions agree with the built-in path because they are the built-in path. The dilated cases
 * assert that fallback ({@link Case#runsOnOneDnn}), so the test notices when an upgrade fixes it.
 *
 * <p>Tolerances, τ(K) = 12·K·u, with C = 3 input channels, k = 3, F = 8 filters, output Ho×Wo, N = 4, 5 outputs:
 * <ul>
 *   <li>convolution output: K = C·k² + 2 (bias, tanh) = 29, τ = 2.1e-5;</li>
 *   <li>network output: K = 29 + 8·Ho·Wo + 1 (the dense sum), at most 830, τ ≤ 5.9e-4;</li>
 *   <li>all gradients: the forward chain, then 1 (squared error) + 5 (dense backward) + 1 (tanh′) + the longest
 *       backward sum: N·Ho·Wo for the filter and bias gradients, F·k² = 72 for the input gradient;
 *       at most 1237, τ ≤ 8.9e-4;</li>
 *   <li>parameters after 4 steps of plain SGD with a small learning rate (0.005): see
 *       {@link Agreement#assertTrainedClose}.</li>
 * </ul>
 */
@ExtendWith(SingleThreaded.class)
class ConvolutionFastPathTest {

    private static final int N = 4;
    private static final int CHANNELS = 3;
    private static final int SIZE = 10;
    private static final int KERNEL = 3;
    private static final int FILTERS = 8;
    private static final int OUTPUTS = 5;
    private static final int STEPS = 4;

    record Case(String name, int stride, ConvolutionMode mode, int dilation) {
        int outSize() {
            int effective = (KERNEL - 1) * dilation + 1;
            return mode == ConvolutionMode.Same ? (SIZE + stride - 1) / stride : (SIZE - effective) / stride + 1;
        }

        long convK() {
            return (long) CHANNELS * KERNEL * KERNEL + 2;
        }

        long outputK() {
            return convK() + (long) FILTERS * outSize() * outSize() + 1;
        }

        long gradientK() {
            long backward = Math.max((long) N * outSize() * outSize(), (long) FILTERS * KERNEL * KERNEL);
            return outputK() + 1 + OUTPUTS + 1 + backward;
        }

        /** See the class comment: libnd4j M2.1 cannot hand a dilated convolution to oneDNN. */
        boolean runsOnOneDnn() {
            return dilation == 1;
        }

        void assertPath(FastAndBuiltIn pair, String... methods) {
            if (runsOnOneDnn()) {
                pair.assertOneDnnComputed(0, methods);
            } else {
                pair.assertOneDnnFellBack(0, "libnd4j M2.1 passes oneDNN a right padding computed from the undilated"
                        + " kernel, which oneDNN rejects");
            }
        }

        MultiLayerConfiguration configuration() {
            return new NeuralNetConfiguration.Builder().seed(11).dataType(DataType.FLOAT).updater(new Sgd(0.005))
                    .weightInit(WeightInit.XAVIER).list()
                    .layer(new ConvolutionLayer.Builder(KERNEL, KERNEL).stride(stride, stride)
                            .dilation(dilation, dilation).convolutionMode(mode).nOut(FILTERS)
                            .activation(Activation.TANH).build())
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(OUTPUTS)
                            .activation(Activation.IDENTITY).build())
                    .setInputType(InputType.convolutional(SIZE, SIZE, CHANNELS))
                    .build();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("3x3 stride 1 valid", 1, ConvolutionMode.Truncate, 1),
                new Case("3x3 stride 2 valid", 2, ConvolutionMode.Truncate, 1),
                new Case("3x3 stride 1 same", 1, ConvolutionMode.Same, 1),
                new Case("3x3 stride 2 same", 2, ConvolutionMode.Same, 1),
                new Case("3x3 dilation 2 valid", 1, ConvolutionMode.Truncate, 2),
                new Case("3x3 dilation 2 same", 1, ConvolutionMode.Same, 2),
                new Case("3x3 stride 2 dilation 2 same", 2, ConvolutionMode.Same, 2));
    }

    private static final INDArray INPUT = FastAndBuiltIn.distinctInput(1, N, CHANNELS, SIZE, SIZE);
    private static final INDArray TARGETS = FastAndBuiltIn.targets(2, N, OUTPUTS);

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void forwardMatches(Case c) {
        FastAndBuiltIn pair = FastAndBuiltIn.of(c::configuration);
        for (boolean training : new boolean[] {true, false}) {
            List<INDArray> fast = pair.onFast(FastAndBuiltIn.forward(INPUT, training, 5));
            List<INDArray> ref = pair.onBuiltIn(FastAndBuiltIn.forward(INPUT, training, 5));
            String mode = training ? " (training)" : " (inference)";
            Agreement.assertClose("conv " + c + ": conv output" + mode, fast.get(1), ref.get(1),
                    tolerance(c.convK()));
            Agreement.assertClose("conv " + c + ": network output" + mode, fast.get(2), ref.get(2),
                    tolerance(c.outputK()));
        }
        c.assertPath(pair, "preOutput");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsMatch(Case c) {
        FastAndBuiltIn pair = FastAndBuiltIn.of(c::configuration);
        Map<String, INDArray> fast = pair.onFast(FastAndBuiltIn.gradients(INPUT, TARGETS, 5));
        Map<String, INDArray> ref = pair.onBuiltIn(FastAndBuiltIn.gradients(INPUT, TARGETS, 5));
        for (String key : List.of("0_W", "0_b", "1_W", "1_b", "input")) {
            Agreement.assertClose("conv " + c + ": gradient " + key, fast.get(key), ref.get(key),
                    tolerance(c.gradientK()));
        }
        c.assertPath(pair, "preOutput", "backpropGradient");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void trainingStepsMatch(Case c) {
        FastAndBuiltIn pair = FastAndBuiltIn.of(c::configuration);
        List<INDArray> fast = pair.onFast(FastAndBuiltIn.train(INPUT, TARGETS, STEPS, 7));
        List<INDArray> ref = pair.onBuiltIn(FastAndBuiltIn.train(INPUT, TARGETS, STEPS, 7));
        Agreement.assertTrainedClose("conv " + c + ": parameters", fast, ref, tolerance(c.gradientK()));
        c.assertPath(pair, "preOutput", "backpropGradient");
    }
}
