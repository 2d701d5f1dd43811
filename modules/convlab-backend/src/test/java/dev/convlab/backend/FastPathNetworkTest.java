package dev.convlab.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.convlab.backend.testing.FastPathSwitch;
import dev.convlab.backend.testing.SingleThreaded;
import java.util.Map;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * What {@link FastPathNetwork#apply} changes in a network must change no number: cache mode DEVICE,
 * {@link TunedMaxPooling} and {@link FastReluConvolution} are speed only. Checked exactly (bit for bit), not within
 * a tolerance, because all three are claimed to compute the same numbers: the cache keeps the forward pass's own
 * pre-activation instead of recomputing it with the same oneDNN primitive, the two max-pooling kernels select the
 * same elements, and the ReLU gradient passes each epsilon through or gives a zero (whose sign cannot reach a
 * parameter).
 */
@ExtendWith(SingleThreaded.class)
class FastPathNetworkTest {

    @BeforeAll
    static void fastPathOn() {
        FastPathSwitch.assumeOneDnnBuild();
        assumeTrue(FastPathNetwork.on(), "this test JVM's backend was started with the fast path off");
    }

    /** conv 3x3 relu → max pool 2 → conv 3x3 relu → max pool 2 → sigmoid output, 38x38x3 input. */
    private static MultiLayerConfiguration configuration() {
        return new NeuralNetConfiguration.Builder().seed(11).dataType(DataType.FLOAT).updater(new Adam(1e-2)).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(16).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(3)
                        .activation(Activation.SIGMOID).build())
                .setInputType(InputType.convolutional(38, 38, 3))
                .build();
    }

    private static MultiLayerNetwork network() {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration());
        net.init();
        return net;
    }

    /** 0/1 pixels: max-pooling windows full of ties, the case where two kernels could pick different elements. */
    private static INDArray tiedInput(long... shape) {
        Nd4j.getRandom().setSeed(5);
        return Nd4j.rand(DataType.FLOAT, shape).muli(2).castTo(DataType.INT32).castTo(DataType.FLOAT);
    }

    /** Equal bit for bit (INDArray.equals allows a difference of 1e-5). */
    static void assertBitIdentical(INDArray expected, INDArray actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what);
        float[] e = expected.ravel().toFloatVector();
        float[] a = actual.ravel().toFloatVector();
        for (int i = 0; i < e.length; i++) {
            if (Float.floatToRawIntBits(e[i]) != Float.floatToRawIntBits(a[i])) {
                fail(what + ": element " + i + " is " + a[i] + ", expected " + e[i]);
            }
        }
    }

    @Test
    void applySwapsLayersAndSetsTheCacheButLeavesTheConfigurationAlone() {
        MultiLayerNetwork net = network();
        MultiLayerNetwork twin = network(); // plain DL4J, trained alike, with the cache mode set by hand
        FastPathNetwork.apply(net);
        assertEquals(CacheMode.DEVICE, net.getLayerWiseConfigurations().getCacheMode());
        for (int i : new int[] {0, 1, 2, 3}) {
            assertEquals(i % 2 == 0 ? FastReluConvolution.class : TunedMaxPooling.class, net.getLayer(i).getClass());
            assertSame(net.getLayer(i), net.getLayer(net.getLayer(i).conf().getLayer().getLayerName()));
        }
        assertEquals("max pooling kernel not timed yet (it is on the first batches)",
                FastPathNetwork.describe(net).get(net.getLayer(1).conf().getLayer().getLayerName()));
        net.fit(tiedInput(2, 3, 38, 38), tiedInput(2, 3));
        Map<String, String> described = FastPathNetwork.describe(net);
        assertEquals(4, described.size(), described.toString());
        assertEquals("ReLU gradient vectorised (not libnd4j's relu_bp)",
                described.get(net.getLayer(2).conf().getLayer().getLayerName()));
        assertEquals("max pooling on oneDNN's kernel for 2x8x16x16 (training, being timed)",
                described.get(net.getLayer(3).conf().getLayer().getLayerName()), "oneDNN's until timed");
        net.output(tiedInput(2, 3, 38, 38), false);
        assertTrue(FastPathNetwork.describe(net).get(net.getLayer(3).conf().getLayer().getLayerName())
                .contains("oneDNN's kernel for 2x8x16x16 (inference, being timed)"),
                "inference is timed on its own: " + FastPathNetwork.describe(net));
        twin.getLayerWiseConfigurations().setCacheMode(CacheMode.DEVICE);
        twin.setCacheMode(CacheMode.DEVICE);
        twin.fit(tiedInput(2, 3, 38, 38), tiedInput(2, 3));
        assertEquals(twin.getLayerWiseConfigurations().toJson(), net.getLayerWiseConfigurations().toJson(),
                "after a training step the configuration names DL4J's own classes, ActivationReLU included");
        assertEquals(ActivationReLU.class, ((BaseLayer) net.getLayer(0).conf().getLayer()).getActivationFn().getClass());
        for (int i = 1; i < 2 * KernelTrial.SAMPLES; i++) { // one oneDNN batch done; then libnd4j, oneDNN, ...
            net.fit(tiedInput(2, 3, 38, 38), tiedInput(2, 3));
        }
        assertTrue(FastPathNetwork.describe(net).get(net.getLayer(3).conf().getLayer().getLayerName())
                .matches(".*(oneDNN's|libnd4j's) kernel for 2x8x16x16 \\(training, timed once\\).*"),
                FastPathNetwork.describe(net).toString());
        FastPathNetwork.apply(net); // idempotent: a replaced layer is not replaced again
        assertEquals(TunedMaxPooling.class, net.getLayer(1).getClass());
        assertEquals(FastReluConvolution.class, net.getLayer(0).getClass());
    }

    @Test
    void onlyPlainReluConvolutionsAreReplaced() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.TANH).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(new ActivationReLU(6.0, 0.0, 0.0))
                        .build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(1).build())
                .setInputType(InputType.convolutional(12, 12, 1)).build());
        net.init();
        FastPathNetwork.apply(net);
        assertEquals(org.deeplearning4j.nn.layers.convolution.ConvolutionLayer.class, net.getLayer(0).getClass());
        assertEquals(org.deeplearning4j.nn.layers.convolution.ConvolutionLayer.class, net.getLayer(1).getClass(),
                "ReLU6 has its own gradient");
        assertEquals(FastReluConvolution.class, net.getLayer(2).getClass());
    }

    @Test
    void aFailedBackwardPassLeavesDl4jsReluInTheConfiguration() {
        MultiLayerNetwork net = FastPathNetwork.apply(network());
        INDArray x = tiedInput(2, 3, 38, 38);
        net.feedForward(x, true);
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        INDArray wrongShape = Nd4j.ones(DataType.FLOAT, 2, 16, 5, 5);
        assertThrows(RuntimeException.class, () -> net.getLayer(0).backpropGradient(wrongShape, mgr));
        assertEquals(ActivationReLU.class, ((BaseLayer) net.getLayer(0).conf().getLayer()).getActivationFn().getClass());
    }

    @Test
    void trainingWithApplyGivesBitIdenticalParametersToPlainDl4j() {
        MultiLayerNetwork plain = network();
        MultiLayerNetwork tuned = FastPathNetwork.apply(network());
        tuned.setParams(plain.params().dup());
        INDArray x = tiedInput(6, 3, 38, 38);
        INDArray y = tiedInput(6, 3);
        // the pooling layer's kernel trial alternates oneDNN's and libnd4j's kernels over the first 8 steps, then
        // keeps one: every step must match whichever kernel ran
        for (int step = 0; step < 2 * KernelTrial.SAMPLES + 2; step++) {
            plain.fit(x, y);
            tuned.fit(x, y);
            assertBitIdentical(plain.params(), tuned.params(), "parameters after step " + (step + 1));
        }
        assertNotEquals(network().params(), tuned.params(), "training moved the parameters");
        assertBitIdentical(plain.output(x), tuned.output(x), "outputs after training");
    }

    @Test
    void applyOnANetworkThatAlreadyHasUpdaterStateKeepsTrainingItExactly() {
        // a resumed run: the network comes back from a checkpoint with Adam's moments, then gets the fast path
        MultiLayerNetwork plain = network();
        MultiLayerNetwork resumed = network();
        resumed.setParams(plain.params().dup());
        INDArray x = tiedInput(6, 3, 38, 38);
        INDArray y = tiedInput(6, 3);
        plain.fit(x, y);
        resumed.fit(x, y);
        INDArray state = resumed.getUpdater().getStateViewArray();
        FastPathNetwork.apply(resumed);
        assertSame(state, resumed.getUpdater().getStateViewArray(), "the new updater holds the same moments");
        for (int step = 0; step < 3; step++) {
            plain.fit(x, y);
            resumed.fit(x, y);
        }
        assertBitIdentical(plain.params(), resumed.params(), "parameters 3 steps after apply");
        assertBitIdentical(plain.getUpdater().getStateViewArray(), resumed.getUpdater().getStateViewArray(),
                "Adam's moments");
    }

    @Test
    void bothMaxPoolingKernelsAgreeBitForBitWithTies() {
        // 150x150 input: 32x148x148 into the pool, the shape where oneDNN falls back to its reference kernel on
        // this kind of machine; 16x36x36 after it, where oneDNN's JIT kernel runs
        for (long[] shape : new long[][] {{2, 32, 148, 148}, {2, 16, 36, 36}, {2, 4, 9, 9}}) {
            SubsamplingLayer conf = new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
                    .stride(2, 2).build();
            MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                    .dataType(DataType.FLOAT).list().layer(conf)
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).nIn(1)
                            .nOut(1).build()).build());
            net.init();
            TunedMaxPooling layer = new TunedMaxPooling(
                    (org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer) net.getLayer(0),
                    DataType.FLOAT);
            INDArray input = tiedInput(shape);
            INDArray epsilon = Nd4j.rand(DataType.FLOAT, shape[0], shape[1], shape[2] / 2, shape[3] / 2);
            LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
            layer.setInput(input, mgr);
            INDArray outOneDnn = layer.activateWith(true, mgr);
            INDArray gradOneDnn = layer.backpropWith(true, epsilon, mgr);
            INDArray outBuiltin = layer.activateWith(false, mgr);
            INDArray gradBuiltin = layer.backpropWith(false, epsilon, mgr);
            String what = java.util.Arrays.toString(shape);
            assertBitIdentical(outOneDnn, outBuiltin, "forward " + what);
            assertBitIdentical(gradOneDnn, gradBuiltin, "input gradient " + what);
            assertNotEquals(0.0, gradOneDnn.sumNumber().doubleValue(), "a gradient reached the input " + what);
        }
    }
}
