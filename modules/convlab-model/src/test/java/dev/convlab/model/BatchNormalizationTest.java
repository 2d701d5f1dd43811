package dev.convlab.model;

import static dev.convlab.model.TestSpecs.conv;
import static dev.convlab.model.TestSpecs.dense;
import static dev.convlab.model.TestSpecs.flatten;
import static dev.convlab.model.TestSpecs.image;
import static dev.convlab.model.TestSpecs.layers;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convlab.config.Activation;
import dev.convlab.config.Loss;
import dev.convlab.config.ModelConfig;
import dev.convlab.config.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Batch normalization's parameters and moving statistics, as Keras keeps them. */
class BatchNormalizationTest {

    @Test
    void movingStatisticsAreNonTrainable() {
        ModelConfig model = layers(conv(6, 3, Activation.RELU), new BatchNormalization(0.99, 0.001, null), flatten(),
                new BatchNormalization(0.99, 0.001, null), dense(10, Activation.SOFTMAX));
        ModelPlan plan = ModelFactory.plan(model, image(8, 8, 1), 10, Loss.CATEGORICAL_CROSSENTROPY);
        PlannedLayer perChannel = plan.layer("batch_normalization").orElseThrow();
        assertEquals(2 * 6, perChannel.trainableParams()); // gamma, beta per channel
        assertEquals(2 * 6, perChannel.nonTrainableParams()); // moving mean, moving variance
        PlannedLayer perFeature = plan.layer("batch_normalization_1").orElseThrow(); // after flatten: 6x6x6 features
        assertEquals(2 * 216, perFeature.trainableParams());
        assertEquals(2 * 216, plan.nonTrainableParams() - 2 * 6);
        MultiLayerNetwork net = ModelFactory.network(ModelFactory.build(plan, TestSpecs.sgd(0.1), 1));
        assertEquals(plan.totalParams(), net.numParams());
        assertEquals(4 * 6, net.getLayer("batch_normalization").numParams());
        assertEquals(4 * 216, net.getLayer("batch_normalization_1").numParams());
    }

    /** Keras: moving = momentum * moving + (1 - momentum) * batch statistic; DL4J's decay must mean the same. */
    @Test
    void momentumWeighsTheOldMovingMean() {
        double momentum = 0.9;
        ModelConfig model = layers(new BatchNormalization(momentum, 0.001, null), dense(1, Activation.LINEAR));
        MultiLayerNetwork net = ModelFactory.network(ModelFactory.build(model, image(2, 2, 1), 1,
                TestSpecs.training(TestSpecs.sgd(0.01), Loss.MEAN_SQUARED_ERROR), 1));
        float[] pixels = {1, 2, 3, 4, 5, 6, 7, 8};
        double batchMean = 4.5; // over both 2x2 images
        double batchVariance = 5.25; // mean of squared deviations: (3.5^2+2.5^2+1.5^2+0.5^2)*2/8
        net.fit(new DataSet(Nd4j.create(pixels, new long[] {2, 1, 2, 2}, 'c'), Nd4j.zeros(DataType.FLOAT, 2, 1)));
        double movingMean = net.getLayer("batch_normalization").getParam("mean").getDouble(0);
        // DL4J keeps the moving variance as log10 of the standard deviation
        double movingVariance = Math.pow(10, 2 * net.getLayer("batch_normalization").getParam("log10stdev").getDouble(0));
        assertEquals(momentum * 0.0 + (1 - momentum) * batchMean, movingMean, 1e-5);
        assertEquals(momentum * 1.0 + (1 - momentum) * batchVariance, movingVariance, 1e-4);
    }
}
