package dev.convlab.backend;

import static dev.convlab.backend.Agreement.tolerance;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convlab.backend.testing.SingleThreaded;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Batch normalisation on the fast path (MKLDNNBatchNormHelper → libnd4j batchnorm/batchnorm_bp → oneDNN) against
 * DL4J's built-in code, in training mode (batch statistics) and inference mode (running statistics), on feature
 * maps (NCHW, statistics per channel over batch, height and width) and on a vector (after a dense layer, which the
 * helper reshapes to N×C×1×1): forward output, gradients of γ, β and the running-statistics updates and of the
 * input, and parameters (running statistics included) after four SGD steps. Built as convlab builds it: DL4J's
 * defaults, which keep the running variance as log10 of the standard deviation, with Keras's ε = 1e-3 and
 * momentum 0.99.
 *
 * <p>Inputs: distinct values in [−2, 2) plus a different offset per channel (0, +0.5, −1), so the statistics are
 * not trivially 0; γ, β and the running statistics are set to values away from their initial 1, 0, 0, 1, so that
 * inference mode uses them visibly.
 *
 * <p>Tolerances, τ(K) = 12·K·u (see {@link Agreement}), with M the number of values per statistic (N·H·W = 400 for
 * feature maps, N = 16 for vectors):
 * <ul>
 *   <li>output in training mode: K = M (mean) + M (variance) + 4 (subtract, √, divide, scale and shift):
 *       τ(804) = 5.8e-4 for maps, τ(36) = 2.6e-5 for vectors; a variance divided by M − 1 instead of M would move
 *       the output by about 1/(2M) relative, 1.25e-3 and 3.1e-2, beyond both;</li>
 *   <li>output in inference mode: K = 5 (elementwise with the stored statistics, 10^x included), τ = 3.6e-6;</li>
 *   <li>network output: training-mode K + the dense sum (300 or 12) + 1;</li>
 *   <li>gradients: the forward chain + 1 (squared error) + 5 (dense backward) + M (the sums over the batch in the
 *       batch-norm backward: Σdy, Σdy·x̂) + 3 (the elementwise combination):
 *       τ(1514) = 1.1e-3 for maps, τ(74) = 5.3e-5 for vectors;</li>
 *   <li>parameters after 4 SGD steps: {@link Agreement#assertTrainedClose}.</li>
 * </ul>
 */
@ExtendWith(SingleThreaded.class)
class BatchNormFastPathTest {

    private static final int OUTPUTS = 5;
    private static final int STEPS = 4;

    /**
     * @param shape input shape: N×C×H×W for feature maps, N×C for vectors
     */
    record Case(String name, long[] shape) {
        int channels() {
            return (int) shape[1];
        }

        boolean maps() {
            return shape.length == 4;
        }

        /** Values per statistic. */
        long perStatistic() {
            return maps() ? shape[0] * shape[2] * shape[3] : shape[0];
        }

        long trainingK() {
            return 2 * perStatistic() + 4;
        }

        long outputK() {
            long features = maps() ? shape[1] * shape[2] * shape[3] : shape[1];
            return trainingK() + features + 1;
        }

        long gradientK() {
            return outputK() + 1 + OUTPUTS + perStatistic() + 3;
        }

        MultiLayerConfiguration configuration() {
            InputType in = maps() ? InputType.convolutional(shape[2], shape[3], shape[1])
                    : InputType.feedForward(shape[1]);
            return new NeuralNetConfiguration.Builder().seed(13).dataType(DataType.FLOAT).updater(new Sgd(0.005))
                    .weightInit(WeightInit.XAVIER).list()
                    .layer(new BatchNormalization.Builder().decay(0.99).eps(1e-3).build())
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(OUTPUTS)
                            .activation(Activation.IDENTITY).build())
                    .setInputType(in)
                    .build();
        }

        INDArray input() {
            INDArray x = FastAndBuiltIn.distinctInput(6, shape);
            float[] offsets = {0f, 0.5f, -1f};
            for (int c = 0; c < channels(); c++) {
                INDArray channel = maps() ? x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(c)) : x.getColumn(c);
                channel.addi(offsets[c % offsets.length]);
            }
            return x;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(new Case("feature maps 4x3x10x10", new long[] {4, 3, 10, 10}),
                new Case("vectors 16x12", new long[] {16, 12}));
    }

    private static FastAndBuiltIn pair(Case c) {
        FastAndBuiltIn pair = FastAndBuiltIn.of(c::configuration);
        MultiLayerNetwork net = pair.fast;
        Random random = new Random(8);
        set(net, "0_gamma", random, 0.5, 1.5);
        set(net, "0_beta", random, -0.5, 0.5);
        set(net, "0_mean", random, -0.5, 0.5);
        set(net, "0_log10stdev", random, -0.3, 0.3);
        pair.setParams(net.params().dup());
        return pair;
    }

    private static void set(MultiLayerNetwork net, String key, Random random, double low, double high) {
        INDArray p = net.getParam(key);
        float[] values = new float[(int) p.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (low + (high - low) * random.nextDouble());
        }
        p.assign(Nd4j.create(values, p.shape(), p.ordering()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void forwardMatches(Case c) {
        FastAndBuiltIn pair = pair(c);
        INDArray input = c.input();
        for (boolean training : new boolean[] {true, false}) {
            List<INDArray> fast = pair.onFast(FastAndBuiltIn.forward(input, training, 5));
            List<INDArray> ref = pair.onBuiltIn(FastAndBuiltIn.forward(input, training, 5));
            String mode = training ? " (training)" : " (inference)";
            Agreement.assertClose("batch norm " + c + ": output" + mode, fast.get(1), ref.get(1),
                    tolerance(training ? c.trainingK() : 5));
            Agreement.assertClose("batch norm " + c + ": network output" + mode, fast.get(2), ref.get(2),
                    tolerance(c.outputK()));
        }
        pair.assertOneDnnComputed(0, "preOutput");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsMatch(Case c) {
        FastAndBuiltIn pair = pair(c);
        INDArray input = c.input();
        INDArray targets = FastAndBuiltIn.targets(9, (int) c.shape()[0], OUTPUTS);
        Map<String, INDArray> fast = pair.onFast(FastAndBuiltIn.gradients(input, targets, 5));
        Map<String, INDArray> ref = pair.onBuiltIn(FastAndBuiltIn.gradients(input, targets, 5));
        assertEquals(ref.keySet(), fast.keySet());
        for (String key : ref.keySet()) {
            Agreement.assertClose("batch norm " + c + ": gradient " + key, fast.get(key), ref.get(key),
                    tolerance(c.gradientK()));
        }
        pair.assertOneDnnComputed(0, "preOutput", "backpropGradient");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void trainingStepsMatch(Case c) {
        FastAndBuiltIn pair = pair(c);
        INDArray input = c.input();
        INDArray targets = FastAndBuiltIn.targets(9, (int) c.shape()[0], OUTPUTS);
        List<INDArray> fast = pair.onFast(FastAndBuiltIn.train(input, targets, STEPS, 7));
        List<INDArray> ref = pair.onBuiltIn(FastAndBuiltIn.train(input, targets, STEPS, 7));
        Agreement.assertTrainedClose("batch norm " + c + ": parameters", fast, ref, tolerance(c.gradientK()));
        pair.assertOneDnnComputed(0, "preOutput", "backpropGradient");
    }
}
