package dev.convlab.model;

import static dev.convlab.model.TestSpecs.dense;
import static dev.convlab.model.TestSpecs.image;
import static dev.convlab.model.TestSpecs.layers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.convlab.config.Activation;
import dev.convlab.config.Loss;
import dev.convlab.config.ModelConfig;
import dev.convlab.config.layers.Dropout;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Keras's dropout rate is the fraction dropped; DL4J's dropOut(p) is the fraction kept. */
class DropoutTest {

    private static MultiLayerConfiguration build(double rate, int size) {
        ModelConfig model = layers(new Dropout(rate, null), dense(1, Activation.LINEAR));
        return ModelFactory.build(model, image(size, size, 1), 1, TestSpecs.training(TestSpecs.sgd(0.1),
                Loss.MEAN_SQUARED_ERROR), 3);
    }

    private static double retain(double rate) {
        DropoutLayer layer = (DropoutLayer) build(rate, 4).getConf(0).getLayer();
        return ((org.deeplearning4j.nn.conf.dropout.Dropout) layer.getIDropout()).getP();
    }

    @Test
    void rateBecomesRetainProbability() {
        assertEquals(0.5, retain(0.5), 1e-12);
        assertEquals(0.8, retain(0.2), 1e-12);
        assertNull(((DropoutLayer) build(0.0, 4).getConf(0).getLayer()).getIDropout()); // rate 0: no dropout at all
    }

    /**
     * Rate 0.2 while training drops about 20% of the values and scales the kept ones by 1 / 0.8, as Keras's
     * inverted dropout does. 100,000 values: the dropped fraction's standard error is sqrt(0.2 * 0.8 / 1e5) = 0.0013,
     * so +-0.006 is over 4.5 standard errors.
     */
    @Test
    void dropsTheRateWhileTrainingAndNothingOtherwise() {
        MultiLayerNetwork net = ModelFactory.network(build(0.2, 100));
        INDArray ones = Nd4j.ones(DataType.FLOAT, 10, 1, 100, 100);
        INDArray trained = net.feedForward(ones, true).get(1);
        double dropped = trained.eq(0.0).castTo(DataType.DOUBLE).meanNumber().doubleValue();
        assertEquals(0.2, dropped, 0.006);
        assertEquals(1.25, trained.maxNumber().doubleValue(), 1e-6);
        assertEquals(1.25, trained.sumNumber().doubleValue() / trained.neq(0.0).castTo(DataType.DOUBLE).sumNumber().doubleValue(), 1e-5);
        INDArray inferred = net.feedForward(ones, false).get(1);
        assertEquals(1.0, inferred.minNumber().doubleValue(), 0.0);
    }
}
