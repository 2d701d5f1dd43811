package dev.convlab.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.backend.testing.FastPathSwitch;
import java.util.List;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The fast path (oneDNN through DL4J's MKLDNN helpers) against DL4J's built-in code (im2col + BLAS gemm for the
 * convolution, its own pooling and batch norm), same weights, same input, one JVM. The toggles DL4J offers are
 * enough for that: the helper property is read each time a layer is built, so two networks built under different
 * settings hold different helpers; and libnd4j's own use of oneDNN inside ops is switched off for the reference
 * with Environment.allowHelpers(false), so the reference touches no oneDNN code at all.
 *
 * <p>Tolerance: float32 has a unit roundoff of 6e-8; a sum of K products carries a worst-case relative error of
 * about K·1.2e-7, i.e. 3e-6 for the convolution (K = 3·3·3) and 2.4e-5 for the output layer (K = 8·5·5 = 200).
 * Different summation order (oneDNN blocks and vectorises, gemm tiles differently) moves results within that bound;
 * batch norm's division by the batch's standard deviation and the backward pass multiply it by small factors. The
 * check is max|fast − builtin| ≤ 1e-4 · max|builtin| per tensor: 4× the larger bound, and far below what a real
 * fault gives (a wrong layout, padding or statistic changes results by tens of percent). Measured on an AVX-512
 * machine with the -onednn-avx512 build: at most 7.6e-6 (softmax, training mode), gradients 2.3e-6.
 */
class FastPathMatchesBuiltInTest {

    private static final double TOLERANCE = 1e-4;

    private static INDArray input;
    private static INDArray labels;

    @BeforeAll
    static void data() {
        Nd4j.getRandom().setSeed(12345);
        input = Nd4j.rand(DataType.FLOAT, 8, 3, 12, 12).subi(0.5).muli(4);
        labels = Nd4j.zeros(DataType.FLOAT, 8, 5);
        for (int i = 0; i < 8; i++) {
            labels.putScalar(i, i % 5, 1f);
        }
    }

    static MultiLayerConfiguration net() {
        return new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.RELU).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(5)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(12, 12, 3))
                .build();
    }

    /** Runs {@code body} with DL4J's helpers and libnd4j's platform helpers both on or both off. */
    private static <T> T withHelpers(boolean on, Supplier<T> body) {
        return FastPathSwitch.with(on, body);
    }

    private static MultiLayerNetwork build() {
        MultiLayerNetwork n = new MultiLayerNetwork(net());
        n.init();
        return n;
    }

    private static MultiLayerNetwork fast;
    private static MultiLayerNetwork builtin;

    private static void buildBoth() {
        if (fast != null) {
            return;
        }
        fast = withHelpers(true, FastPathMatchesBuiltInTest::build);
        builtin = withHelpers(false, FastPathMatchesBuiltInTest::build);
        // Non-trivial batch-norm running statistics and weights, all positive where they must be (variance).
        Nd4j.getRandom().setSeed(99);
        INDArray params = Nd4j.rand(DataType.FLOAT, fast.params().shape()).addi(0.5);
        fast.setParams(params);
        builtin.setParams(params.dup());
    }

    @Test
    void theTwoNetworksReallyTakeDifferentPaths() {
        buildBoth();
        for (int i = 0; i < 3; i++) {
            assertTrue(fast.getLayer(i).getHelper().getClass().getSimpleName().startsWith("MKLDNN"),
                    "layer " + i + ": " + fast.getLayer(i).getHelper());
            assertNull(builtin.getLayer(i).getHelper(), "layer " + i);
        }
    }

    @Test
    void forwardInTrainingModeMatches() {
        buildBoth();
        compareActivations(true);
    }

    @Test
    void forwardInInferenceModeMatches() {
        buildBoth();
        compareActivations(false);
    }

    @Test
    void gradientsMatch() {
        buildBoth();
        INDArray g1 = withHelpers(true, () -> gradient(fast));
        INDArray g2 = withHelpers(false, () -> gradient(builtin));
        assertClose("gradient", g1, g2);
    }

    private static INDArray gradient(MultiLayerNetwork n) {
        n.setInput(input);
        n.setLabels(labels);
        n.computeGradientAndScore();
        return n.gradient().gradient().dup();
    }

    private static void compareActivations(boolean training) {
        List<INDArray> a = withHelpers(true, () -> fast.feedForward(input, training));
        List<INDArray> b = withHelpers(false, () -> builtin.feedForward(input, training));
        assertEquals(b.size(), a.size());
        String[] names = {"input", "conv", "batch_norm", "pool", "softmax"};
        for (int i = 1; i < a.size(); i++) {
            assertClose(names[i] + (training ? " (training)" : " (inference)"), a.get(i), b.get(i));
        }
    }

    private static void assertClose(String what, INDArray fastOut, INDArray reference) {
        assertArrayEquals(reference.shape(), fastOut.shape(), what);
        double scale = reference.amaxNumber().doubleValue();
        double diff = fastOut.sub(reference).amaxNumber().doubleValue();
        System.out.printf("%-24s max|diff| %.3g, max|ref| %.3g, relative %.3g%n", what, diff, scale, diff / scale);
        assertTrue(diff <= TOLERANCE * scale, what + ": max|diff| " + diff + " > " + TOLERANCE + " x " + scale);
    }
}
