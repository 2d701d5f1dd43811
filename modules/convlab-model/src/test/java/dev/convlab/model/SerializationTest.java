package dev.convlab.model;

import static dev.convlab.model.TestSpecs.image;
import static dev.convlab.model.TestSpecs.layers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.convlab.config.Activation;
import dev.convlab.config.Initializer;
import dev.convlab.config.Loss;
import dev.convlab.config.ModelConfig;
import dev.convlab.config.Padding;
import dev.convlab.config.Regularizer;
import dev.convlab.config.Size2;
import dev.convlab.config.layers.BatchNormalization;
import dev.convlab.config.layers.Conv2D;
import dev.convlab.config.layers.Dense;
import dev.convlab.config.layers.Dropout;
import dev.convlab.config.optim.Adagrad;
import dev.convlab.config.optim.Adamax;
import dev.convlab.config.optim.Nadam;
import dev.convlab.config.optim.OptimizerSpec;
import dev.convlab.config.optim.RmsProp;
import dev.convlab.config.optim.Sgd;
import dev.convlab.model.init.KerasRandomUniform;
import dev.convlab.model.init.KerasVarianceScaling;
import dev.convlab.model.optim.KerasNadam;
import java.io.File;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Networks with convlab's own initialisers, updaters and loss weights save and restore through DL4J's JSON. */
class SerializationTest {

    private static ModelConfig model() {
        Conv2D conv = new Conv2D(4, Size2.of(3), Size2.of(2), Padding.SAME, Size2.of(1), Activation.RELU, true,
                Initializer.HE_NORMAL, Initializer.ZEROS, new Regularizer(0.0, 1e-4), null);
        Dense hidden = new Dense(8, Activation.TANH, true, Initializer.RANDOM_UNIFORM, Initializer.ONES, null, null);
        Dense output = new Dense(3, Activation.SIGMOID, true, Initializer.LECUN_NORMAL, Initializer.ZEROS, null, null);
        return layers(conv, new BatchNormalization(0.9, 0.001, null), hidden, new Dropout(0.25, null), output);
    }

    private static MultiLayerConfiguration configuration(OptimizerSpec optimizer) {
        return ModelFactory.build(model(), image(8, 8, 1), 3, TestSpecs.training(optimizer, Loss.BINARY_CROSSENTROPY), 11);
    }

    private static DataSet batch(long seed) {
        Nd4j.getRandom().setSeed(seed);
        return new DataSet(Nd4j.rand(DataType.FLOAT, 4, 1, 8, 8), Nd4j.rand(DataType.FLOAT, 4, 3).gt(0.5).castTo(DataType.FLOAT));
    }

    static Stream<OptimizerSpec> customUpdaters() {
        return Stream.of(new Sgd(0.01, 0.9, false), new RmsProp(0.001, 0.9, 1e-7), new Adagrad(0.01, 1e-7),
                new Adamax(0.002, 0.9, 0.999, 1e-7), new Nadam(0.002, 0.9, 0.999, 1e-7));
    }

    @ParameterizedTest
    @MethodSource("customUpdaters")
    void configurationJsonRoundTrip(OptimizerSpec optimizer) {
        MultiLayerConfiguration conf = configuration(optimizer);
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertEquals(conf, back);
        assertEquals(conf.toJson(), back.toJson());
    }

    @Test
    void modelSerializerRoundTripKeepsWeightsAndUpdaterState(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = ModelFactory.network(configuration(new Nadam(0.002, 0.9, 0.999, 1e-7)));
        BaseLayer conv = (BaseLayer) net.getLayerWiseConfigurations().getConf(0).getLayer();
        assertInstanceOf(KerasVarianceScaling.class, conv.getWeightInitFn());
        assertInstanceOf(KerasRandomUniform.class,
                ((BaseLayer) net.getLayerWiseConfigurations().getConf(2).getLayer()).getWeightInitFn());
        assertInstanceOf(KerasNadam.class, conv.getIUpdater());
        net.fit(batch(1));
        net.fit(batch(2));

        File file = dir.resolve("model.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);

        assertEquals(net.getLayerWiseConfigurations(), restored.getLayerWiseConfigurations());
        assertEquals(net.params(), restored.params());
        assertEquals(net.getUpdater().getStateViewArray(), restored.getUpdater().getStateViewArray());
        assertNotEquals(0.0, restored.getUpdater().getStateViewArray().norm1Number().doubleValue());

        // the restored updater carries on exactly where the saved one stopped
        DataSet next = batch(3);
        Nd4j.getRandom().setSeed(4); // the same dropout masks for both
        net.fit(next);
        Nd4j.getRandom().setSeed(4);
        restored.fit(next);
        assertEquals(net.params(), restored.params());
    }

    @Test
    void sameSeedSameWeights() {
        MultiLayerNetwork a = ModelFactory.network(configuration(new Sgd(0.01, 0.0, false)));
        MultiLayerNetwork b = ModelFactory.network(configuration(new Sgd(0.01, 0.0, false)));
        assertEquals(a.params(), b.params());
        assertEquals(1.0, b.getLayer("dense").getParam("b").minNumber().doubleValue(), 0.0); // bias_initializer: ones
    }
}
