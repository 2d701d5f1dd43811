package dev.convlab.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.convlab.backend.testing.FastPathSwitch;
import dev.convlab.backend.testing.SingleThreaded;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * What {@link FastPathNetwork#apply} changes in a network must change no number: cache mode DEVICE and
 * {@link TunedMaxPooling} are speed only. Checked exactly (bit for bit), not within a tolerance, because both are
 * claimed to compute the same operations on the same numbers: the cache keeps the forward pass's own
 * pre-activation instead of recomputing it with the same oneDNN primitive, and the two max-pooling kernels select
 * the same elements.
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

    @Test
    void applySwapsMaxPoolingAndSetsTheCacheButLeavesTheConfigurationAlone() {
        MultiLayerNetwork net = network();
        String before = net.getLayerWiseConfigurations().getConf(1).toJson();
        FastPathNetwork.apply(net);
        assertEquals(CacheMode.DEVICE, net.getLayerWiseConfigurations().getCacheMode());
        for (int i : new int[] {1, 3}) {
            assertInstanceOf(TunedMaxPooling.class, net.getLayer(i));
            assertSame(net.getLayer(i), net.getLayer(net.getLayer(i).conf().getLayer().getLayerName()));
        }
        assertEquals(before, net.getLayerWiseConfigurations().getConf(1).toJson());
        FastPathNetwork.apply(net); // idempotent: a tuned layer is not wrapped again
        assertEquals(TunedMaxPooling.class, net.getLayer(1).getClass());
    }

    @Test
    void trainingWithApplyGivesBitIdenticalParametersToPlainDl4j() {
        MultiLayerNetwork plain = network();
        MultiLayerNetwork tuned = FastPathNetwork.apply(network());
        tuned.setParams(plain.params().dup());
        INDArray x = tiedInput(6, 3, 38, 38);
        INDArray y = tiedInput(6, 3);
        for (int step = 0; step < 5; step++) {
            plain.fit(x, y);
            tuned.fit(x, y);
            assertEquals(plain.params(), tuned.params(), "parameters after step " + (step + 1));
        }
        assertNotEquals(network().params(), tuned.params(), "training moved the parameters");
        assertEquals(plain.output(x), tuned.output(x));
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
            assertEquals(outOneDnn, outBuiltin, "forward " + what);
            assertEquals(gradOneDnn, gradBuiltin, "input gradient " + what);
            assertNotEquals(0.0, gradOneDnn.sumNumber().doubleValue(), "a gradient reached the input " + what);
        }
    }
}
