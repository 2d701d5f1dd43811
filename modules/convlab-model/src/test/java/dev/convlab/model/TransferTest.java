package dev.convlab.model;

import static dev.convlab.model.TestSpecs.conv;
import static dev.convlab.model.TestSpecs.dense;
import static dev.convlab.model.TestSpecs.flatten;
import static dev.convlab.model.TestSpecs.image;
import static dev.convlab.model.TestSpecs.layers;
import static dev.convlab.model.TestSpecs.maxPool;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.Activation;
import dev.convlab.config.BaseModelConfig;
import dev.convlab.config.ConfigProblem;
import dev.convlab.config.ImageShape;
import dev.convlab.config.Loss;
import dev.convlab.config.ModelConfig;
import dev.convlab.config.layers.BatchNormalization;
import dev.convlab.config.layers.LayerSpec;
import dev.convlab.config.optim.Adam;
import dev.convlab.config.optim.OptimizerSpec;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * model.base: the kept layers of a trained network, with its weights, frozen as asked, under new layers. Parameter
 * counts are worked by hand with Keras's formula (kernel h*w*in*out + bias); "unchanged" means bit for bit.
 */
class TransferTest {
    private static final ImageShape INPUT = image(12, 12, 1);
    private static final OptimizerSpec ADAM = new Adam(0.01, 0.9, 0.999, 1e-7, false);

    /** conv2d 4 (40 params), max_pooling2d, conv2d_1 8 (296), max_pooling2d_1, flatten, dense 16, dense_1 10. */
    private static ModelConfig baseModel(LayerSpec... extra) {
        List<LayerSpec> l = new java.util.ArrayList<>(List.of(conv(4, 3, Activation.RELU), maxPool(2)));
        l.addAll(List.of(extra));
        l.addAll(List.of(conv(8, 3, Activation.RELU), maxPool(2), flatten(), dense(16, Activation.RELU),
                dense(10, Activation.SOFTMAX)));
        return new ModelConfig(l, null);
    }

    private static BaseModel trainedBase(ModelConfig model) {
        ModelPlan plan = ModelFactory.plan(model, INPUT, 10, Loss.CATEGORICAL_CROSSENTROPY);
        MultiLayerNetwork net = ModelFactory.network(ModelFactory.build(plan, ADAM, 7));
        // a few steps so that the weights (and any batch normalisation statistics) are not the initial ones
        for (int i = 0; i < 5; i++) {
            net.fit(input(16, 100 + i), labels(16, 10, 200 + i));
        }
        return new BaseModel("base.zip", model, INPUT, 10, Loss.CATEGORICAL_CROSSENTROPY, null, net);
    }

    private static ModelConfig head(BaseModelConfig base, int classes) {
        return new ModelConfig(List.of(flatten(), dense(12, Activation.RELU), dense(classes, Activation.SOFTMAX)),
                null, base);
    }

    private static ModelPlan plan(ModelConfig model, BaseModel base, int classes) {
        return ModelPlanner.plan(model, INPUT, classes, Loss.CATEGORICAL_CROSSENTROPY, base);
    }

    @Test
    void theConvolutionBaseIsKeptFrozenAndCountedAsKerasCountsIt() {
        BaseModel base = trainedBase(baseModel());
        ModelPlan plan = plan(head(new BaseModelConfig("base.zip", null, null), 5), base, 5);
        // include_top=False: everything before flatten; then the new flatten, dense, dense_1 (names continue)
        assertEquals(List.of("conv2d", "max_pooling2d", "conv2d_1", "max_pooling2d_1", "flatten", "dense", "dense_1"),
                plan.layerNames());
        assertEquals(new Transfer("base.zip", 4, 4), plan.transfer());
        // 12x12 -> conv 10x10x4 -> pool 5x5x4 -> conv 3x3x8 -> pool 1x1x8
        // frozen: 3*3*1*4+4 + 3*3*4*8+8 = 336; new: 1*1*8*12+12 = 108 and 12*5+5 = 65
        assertEquals(336, plan.nonTrainableParams());
        assertEquals(173, plan.trainableParams());
        assertTrue(plan.summary("t").contains("Non-trainable params: 336"), plan.summary("t"));
    }

    @Test
    void keptLayersStartWithTheBaseWeightsAndFrozenOnesNeverChange() {
        BaseModel base = trainedBase(baseModel());
        ModelPlan plan = plan(head(new BaseModelConfig("base.zip", null, null), 5), base, 5);
        MultiLayerNetwork net = ModelFactory.network(plan, ADAM, 3, base);
        assertInstanceOf(FrozenLayer.class, net.getLayerWiseConfigurations().getConf(0).getLayer());
        assertInstanceOf(FrozenLayer.class, net.getLayerWiseConfigurations().getConf(2).getLayer());
        assertFalse(net.getLayerWiseConfigurations().getConf(4).getLayer() instanceof FrozenLayer);
        assertEquals("conv2d", net.getLayerWiseConfigurations().getConf(0).getLayer().getLayerName());
        INDArray conv0 = base.network().getLayer(0).params().dup();
        INDArray conv1 = base.network().getLayer(2).params().dup();
        assertEquals(conv0, net.getLayer(0).params());
        assertEquals(conv1, net.getLayer(2).params());
        INDArray head = net.getLayer(4).params().dup();

        for (int i = 0; i < 5; i++) {
            net.fit(input(16, 300 + i), labels(16, 5, 400 + i));
        }
        assertEquals(conv0, net.getLayer(0).params(), "frozen conv2d moved");
        assertEquals(conv1, net.getLayer(2).params(), "frozen conv2d_1 moved");
        assertFalse(head.equals(net.getLayer(4).params()), "the new dense layer did not train");
        // the frozen part computes what the base computes, in training mode too
        INDArray x = input(4, 500);
        assertEquals(base.network().feedForwardToLayer(3, x, false).get(4),
                net.feedForwardToLayer(3, x, true).get(4));
    }

    @Test
    void freezeUntilFreezesAPrefixAndNoneFineTunesEverything() {
        BaseModel base = trainedBase(baseModel());
        ModelPlan partly = plan(head(new BaseModelConfig("base.zip", null, "max_pooling2d"), 5), base, 5);
        assertEquals(new Transfer("base.zip", 4, 2), partly.transfer());
        assertEquals(40, partly.nonTrainableParams());
        MultiLayerNetwork net = ModelFactory.network(partly, ADAM, 3, base);
        INDArray conv0 = net.getLayer(0).params().dup();
        INDArray conv1 = net.getLayer(2).params().dup();
        for (int i = 0; i < 3; i++) {
            net.fit(input(16, 600 + i), labels(16, 5, 700 + i));
        }
        assertEquals(conv0, net.getLayer(0).params());
        assertFalse(conv1.equals(net.getLayer(2).params()), "conv2d_1 is after freeze_until and must train");

        ModelPlan none = plan(head(new BaseModelConfig("base.zip", null, BaseModelConfig.NONE), 5), base, 5);
        assertEquals(0, none.nonTrainableParams());
        assertEquals(new Transfer("base.zip", 4, 0), none.transfer());
        MultiLayerNetwork all = ModelFactory.network(none, ADAM, 3, base);
        assertEquals(base.network().getLayer(0).params(), all.getLayer(0).params());
        all.fit(input(16, 800), labels(16, 5, 801));
        assertFalse(base.network().getLayer(0).params().equals(all.getLayer(0).params()));
    }

    @Test
    void keepUntilCanKeepDenseLayersAndTheOutputMayBeReplaced() {
        BaseModel base = trainedBase(baseModel());
        // keep through dense (fc 16), new output of 3 classes; freeze through flatten: dense still trains
        ModelConfig model = new ModelConfig(List.of(dense(3, Activation.SOFTMAX)), null,
                new BaseModelConfig("base.zip", "dense", "flatten"));
        ModelPlan plan = plan(model, base, 3);
        assertEquals(List.of("conv2d", "max_pooling2d", "conv2d_1", "max_pooling2d_1", "flatten", "dense", "dense_1"),
                plan.layerNames());
        assertEquals(new Transfer("base.zip", 6, 5), plan.transfer());
        MultiLayerNetwork net = ModelFactory.network(plan, ADAM, 3, base);
        assertEquals(base.network().getLayer(4).params(), net.getLayer(4).params(), "dense keeps its weights");
        INDArray out = net.output(input(2, 900));
        assertArrayEquals(new long[] {2, 3}, out.shape());
    }

    @Test
    void frozenBatchNormalisationRunsWithTheBaseStatistics() {
        BaseModel base = trainedBase(baseModel(new BatchNormalization(0.9, 0.001, null)));
        ModelPlan plan = plan(head(new BaseModelConfig("base.zip", null, null), 5), base, 5);
        assertEquals("batch_normalization", plan.layers().get(2).name());
        MultiLayerNetwork net = ModelFactory.network(plan, ADAM, 3, base);
        INDArray stats = base.network().getLayer(2).params().dup(); // gamma, beta, mean, var
        net.fit(input(16, 1000), labels(16, 5, 1001));
        assertEquals(stats, net.getLayer(2).params(), "a frozen batch normalisation must not update its statistics");
        INDArray x = input(4, 1002);
        assertEquals(base.network().feedForwardToLayer(2, x, false).get(3), net.feedForwardToLayer(2, x, true).get(3));
    }

    @Test
    void problemsNameTheKeyAndTheLayersThereAre() {
        BaseModel base = trainedBase(baseModel());
        ConfigProblem unknown = assertThrows(ConfigProblem.class,
                () -> plan(head(new BaseModelConfig("base.zip", "block1_pool", null), 5), base, 5));
        assertEquals("model.base.keep_until", unknown.where());
        assertTrue(unknown.oneLine().contains("'block1_pool' is not a layer of base.zip")
                && unknown.oneLine().contains("conv2d, max_pooling2d, conv2d_1"), unknown.oneLine());

        ConfigProblem late = assertThrows(ConfigProblem.class,
                () -> plan(head(new BaseModelConfig("base.zip", "max_pooling2d", "conv2d_1"), 5), base, 5));
        assertEquals("model.base.freeze_until", late.where());

        ConfigProblem output = assertThrows(ConfigProblem.class, () -> plan(new ModelConfig(List.of(), null,
                new BaseModelConfig("base.zip", "dense_1", null)), base, 10));
        assertEquals("model.base.freeze_until", output.where());
        assertTrue(output.oneLine().contains("freezes the output layer dense_1"), output.oneLine());

        ConfigProblem shape = assertThrows(ConfigProblem.class, () -> ModelPlanner.plan(
                head(new BaseModelConfig("base.zip", null, null), 5), image(28, 28, 1), 5,
                Loss.CATEGORICAL_CROSSENTROPY, base));
        assertEquals("model.base.from", shape.where());
        assertTrue(shape.oneLine().contains("takes 12x12x1 images, the data gives 28x28x1"), shape.oneLine());
    }

    private static INDArray input(int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, n, 1, 12, 12);
    }

    private static INDArray labels(int n, int classes, long seed) {
        java.util.Random r = new java.util.Random(seed);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, classes);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, r.nextInt(classes), 1f);
        }
        return y;
    }
}
