package dev.convlab.model;

import static dev.convlab.model.TestSpecs.image;
import static dev.convlab.model.TestSpecs.mnist;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        long mib = 1L << 20;
        MemoryEstimator.Process process = new MemoryEstimator.Process(100 * mib, true);
        MemoryEstimate m = MemoryEstimator.estimate(PLAN, ADAM, batch, process);
        long params = 13_610;
        assertEquals(128 * mib + 100 * mib, m.runtimeBytes()); // JVM and libraries, plus the heap
        assertEquals(4 * params, m.parameterBytes());
        assertEquals(4 * params, m.gradientBytes());
        assertEquals(2 * 4 * params, m.updaterBytes()); // adam keeps m and v
        // DL4J layers: 0 conv 784 -> 5408, 1 pool 5408 -> 1352, 2 dense 1352 -> 10 (the output layer)
        // every output but the last, and the convolution's pre-activation, kept for its backward pass on the fast path
        assertEquals(4L * batch * (5408 + 1352 + 5408), m.activationBytes());
        assertEquals(0, m.updaterTemporaryBytes()); // DL4J's adam is one native op
        // input gradients: even layers' largest input (dense: 1352), odd layers' (pool: 5408)
        assertEquals(4L * batch * (1352 + 5408), m.activationGradientBytes());
        assertEquals(4L * batch * 2 * 5408, m.layerWorkingBytes()); // the convolution's pre-activation and its gradient
        assertEquals(4L * batch * (784 + 3 * 5408), m.convolutionScratchBytes());
        assertEquals(10 * mib, m.prefetchBytes()); // 7 batches of 784 + 10 floats are under the 10 MiB minimum
        assertEquals(4 * 4L * batch * (5408 + 1352 + 10), m.allocatorSlackBytes()); // every output is under 32 MiB
        long training = 4 * params * 4 + 4L * batch * (2 * 6760 + 5408 + 2 * 5408 + 784 + 3 * 5408 + 4 * 6770) + 10 * mib;
        assertEquals(training, m.trainingBytes());
        assertEquals(228 * mib + training, m.totalBytes());

        // without oneDNN: no scratch, and the convolution's working memory holds im2col (26*26 patches of 3*3*1)
        MemoryEstimate plain = MemoryEstimator.estimate(PLAN, ADAM, batch, new MemoryEstimator.Process(100 * mib, false));
        assertEquals(0, plain.convolutionScratchBytes());
        assertEquals(4L * batch * (5408 + 1352), plain.activationBytes()); // no cached pre-activation
        assertEquals(4L * batch * 3 * (26 * 26 * 9 + 5408), plain.layerWorkingBytes());

        assertEquals(0, MemoryEstimator.estimate(PLAN, TestSpecs.sgd(0.01), batch, process).updaterBytes());
        assertEquals(3 * 4 * params, MemoryEstimator.estimate(PLAN, new Adam(0.001, 0.9, 0.999, 1e-7, true), batch,
                process).updaterBytes());
        assertEquals(0, m.retainedBytes()); // glibc's defaults: large blocks go back to the kernel
        assertTrue(m.text().lines().anyMatch(l -> l.startsWith("  total ")), m.text());
        assertEquals(13, m.text().lines().filter(l -> l.startsWith("  ")).count(), m.text());

        // malloc keeping every freed block: the first step's arrays stay beside the workspaces, once more each
        MemoryEstimate kept = MemoryEstimator.estimate(PLAN, ADAM, batch, new MemoryEstimator.Process(100 * mib, true,
                true));
        long firstStep = 4L * batch * ((5408 + 1352 + 5408) + (1352 + 5408) + 2 * 5408 + (784 + 3 * 5408));
        assertEquals(firstStep, kept.retainedBytes());
        assertEquals(m.totalBytes() + firstStep, kept.totalBytes());
    }
}
