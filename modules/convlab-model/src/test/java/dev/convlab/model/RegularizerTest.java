package dev.convlab.model;

import static dev.convlab.model.TestSpecs.dense;
import static dev.convlab.model.TestSpecs.image;
import static dev.convlab.model.TestSpecs.layers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convlab.config.Activation;
import dev.convlab.config.Initializer;
import dev.convlab.config.Loss;
import dev.convlab.config.Regularizer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A kernel penalty must equal Keras's. One linear unit, x = (1, 2), w = (0.5, -0.25), b = 0, target 1, squared
 * error: prediction 0, loss 1, dLoss/dw = 2 (0 - 1) x = (-2, -4), dLoss/db = -2. One SGD step at lr 0.1.
 */
class RegularizerTest {
    private static final DataSet ONE_EXAMPLE = new DataSet(
            Nd4j.create(new float[] {1, 2}, new long[] {1, 1, 1, 2}, 'c'), Nd4j.ones(DataType.FLOAT, 1, 1));

    private static MultiLayerNetwork network(Regularizer regularizer) {
        MultiLayerNetwork net = ModelFactory.network(ModelFactory.build(
                layers(dense(1, Activation.LINEAR, Initializer.ZEROS, regularizer)), image(1, 2, 1), 1,
                TestSpecs.training(TestSpecs.sgd(0.1), Loss.MEAN_SQUARED_ERROR), 1));
        net.getLayer("dense").setParam("W", Nd4j.create(new float[] {0.5f, -0.25f}, new long[] {2, 1}, 'c'));
        return net;
    }

    /** Keras l2 = 0.1: penalty 0.1 * (0.25 + 0.0625) = 0.03125, gradient 2 * 0.1 * w = (0.1, -0.05). */
    @Test
    void l2IsKerasL2() {
        MultiLayerNetwork net = network(new Regularizer(0.0, 0.1));
        assertEquals(1.0 + 0.03125, net.score(ONE_EXAMPLE), 1e-6);
        net.fit(ONE_EXAMPLE);
        // w - 0.1 * ((-2, -4) + (0.1, -0.05)) = (0.69, 0.155)
        assertArrayEquals(new double[] {0.69, 0.155}, net.getLayer("dense").getParam("W").toDoubleVector(), 1e-6);
        // the bias is not penalised: 0 - 0.1 * (-2)
        assertEquals(0.2, net.getLayer("dense").getParam("b").getDouble(0), 1e-6);
    }

    /** Keras l1 = 0.1: penalty 0.1 * (0.5 + 0.25) = 0.075, gradient 0.1 * sign(w) = (0.1, -0.1). */
    @Test
    void l1IsKerasL1() {
        MultiLayerNetwork net = network(new Regularizer(0.1, 0.0));
        assertEquals(1.0 + 0.075, net.score(ONE_EXAMPLE), 1e-6);
        net.fit(ONE_EXAMPLE);
        assertArrayEquals(new double[] {0.69, 0.16}, net.getLayer("dense").getParam("W").toDoubleVector(), 1e-6);
        assertEquals(0.2, net.getLayer("dense").getParam("b").getDouble(0), 1e-6);
    }
}
