package dev.convlab.model;

import static dev.convlab.model.TestSpecs.image;
import static dev.convlab.model.TestSpecs.mnist;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convlab.config.Loss;
import dev.convlab.config.optim.Adam;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The tutorial's MNIST network, its numbers worked out by hand. */
class MnistNetworkTest {
    private static final Adam ADAM = new Adam(0.001, 0.9, 0.999, 1e-7, false);
    private static final ModelPlan PLAN = ModelFactory.plan(mnist(), image(28, 28, 1), 10, Loss.CATEGORICAL_CROSSENTROPY);

    @Test
    void shapesAndParametersByHand() {
        assertEquals(List.of("conv2d", "max_pooling2d", "dense"), PLAN.layerNames());
        assertEquals("(None, 26, 26, 8)", PLAN.layers().get(0).output().keras()); // 28 - 3 + 1 = 26
        assertEquals("(None, 13, 13, 8)", PLAN.layers().get(1).output().keras()); // 26 / 2
        assertEquals("(None, 10)", PLAN.layers().get(2).output().keras());
        assertEquals(3 * 3 * 1 * 8 + 8, PLAN.layers().get(0).params()); // 80
        assertEquals(0, PLAN.layers().get(1).params());
        assertEquals(13 * 13 * 8 * 10 + 10, PLAN.layers().get(2).params()); // 13,530
        assertEquals(13_610, PLAN.totalParams());
    }

    @Test
    void dl4jNetworkHasTheSameShapesAndParameters() {
        MultiLayerConfiguration conf = ModelFactory.build(PLAN, ADAM, 7);
        assertEquals(List.of(InputType.convolutional(26, 26, 8), InputType.convolutional(13, 13, 8), InputType.feedForward(10)),
                conf.getLayerActivationTypes(InputType.convolutional(28, 28, 1)));
        MultiLayerNetwork net = ModelFactory.network(conf);
        assertEquals(13_610, net.numParams());
        assertEquals(80, net.getLayer("conv2d").numParams());
        assertEquals(13_530, net.getLayer("dense").numParams());
        assertArrayEquals(new long[] {2, 10}, net.output(Nd4j.rand(DataType.FLOAT, 2, 1, 28, 28)).shape());
    }

    @Test
    void summaryReadsLikeKeras() {
        String expected = """
                Model: "mnist"
                _________________________________________________________
                 Layer (type)                  Output Shape       Param #
                =========================================================
                 conv2d (Conv2D)               (None, 26, 26, 8)  80
                 max_pooling2d (MaxPooling2D)  (None, 13, 13, 8)  0
                 dense (Dense)                 (None, 10)         13,530
                =========================================================
                Total params: 13,610 (53.16 KB)
                Trainable params: 13,610 (53.16 KB)
                Non-trainable params: 0 (0 B)
                _________________________________________________________
                """;
        assertEquals(expected, PLAN.summary("mnist"));
    }

    @Test
    void memoryEstimateByHand() {
        int batch = 32;
        MemoryEstimate m = MemoryEstimator.estimate(PLAN, ADAM, batch);
        long params = 13_610;
        assertEquals(4 * params, m.parameterBytes());
        assertEquals(4 * params, m.gradientBytes());
        assertEquals(2 * 4 * params, m.updaterBytes()); // adam keeps m and v
        long perExample = 28 * 28 + 26 * 26 * 8 + 13 * 13 * 8 + 10; // input + each layer's output
        assertEquals(4L * batch * perExample, m.activationBytes());
        assertEquals(4L * batch * perExample, m.activationGradientBytes());
        assertEquals(4L * batch * (26 * 26) * (3 * 3 * 1), m.workspaceBytes()); // im2col of the only convolution
        long subtotal = 4 * params * 4 + 2 * 4L * batch * perExample + 4L * batch * 26 * 26 * 9;
        assertEquals(subtotal + Math.round(subtotal * 0.25), m.totalBytes());
        assertEquals(0, MemoryEstimator.estimate(PLAN, TestSpecs.sgd(0.01), batch).updaterBytes());
        assertEquals(3 * 4 * params, MemoryEstimator.estimate(PLAN, new Adam(0.001, 0.9, 0.999, 1e-7, true), batch).updaterBytes());
        assertEquals(true, m.text().contains("total"));
    }
}
