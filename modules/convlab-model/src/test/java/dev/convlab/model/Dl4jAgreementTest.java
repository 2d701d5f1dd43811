package dev.convlab.model;

import static dev.convlab.model.TestSpecs.conv;
import static dev.convlab.model.TestSpecs.dense;
import static dev.convlab.model.TestSpecs.flatten;
import static dev.convlab.model.TestSpecs.image;
import static dev.convlab.model.TestSpecs.layers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convlab.config.Activation;
import dev.convlab.config.Initializer;
import dev.convlab.config.Loss;
import dev.convlab.config.ModelConfig;
import dev.convlab.config.Padding;
import dev.convlab.config.Size2;
import dev.convlab.config.layers.ActivationLayer;
import dev.convlab.config.layers.AveragePooling2D;
import dev.convlab.config.layers.BatchNormalization;
import dev.convlab.config.layers.Conv2D;
import dev.convlab.config.layers.Dropout;
import dev.convlab.config.layers.GlobalAveragePooling2D;
import dev.convlab.config.layers.GlobalMaxPooling2D;
import dev.convlab.config.layers.MaxPooling2D;
import dev.convlab.config.layers.VggBlock;
import dev.convlab.config.layers.VggTemplate;
import dev.convlab.config.layers.ZeroPadding2D;
import dev.convlab.model.TensorShape.Flat;
import dev.convlab.model.TensorShape.Maps;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * convlab's own shape inference and parameter counts against DL4J's InputType propagation, its parameter
 * initialisers and a real forward pass, for every layer type of the catalogue.
 */
class Dl4jAgreementTest {

    private static ModelPlan assertDl4jAgrees(ModelConfig model, int size, int channels, int classes) {
        ModelPlan plan = ModelFactory.plan(model, image(size, size, channels), classes, Loss.CATEGORICAL_CROSSENTROPY);
        MultiLayerConfiguration conf = ModelFactory.build(plan, TestSpecs.sgd(0.01), 5);
        List<InputType> types = conf.getLayerActivationTypes(InputType.convolutional(size, size, channels));
        MultiLayerNetwork net = ModelFactory.network(conf);
        List<INDArray> activations = net.feedForward(Nd4j.rand(DataType.FLOAT, 2, channels, size, size), false);
        assertEquals(types.size() + 1, activations.size());
        for (PlannedLayer layer : plan.layers()) {
            if (!layer.inDl4j()) {
                continue;
            }
            int i = layer.dl4jIndex();
            assertEquals(layer.name(), conf.getConf(i).getLayer().getLayerName());
            assertEquals(expectedType(layer.output()), types.get(i), layer.name());
            assertArrayEquals(nchw(layer.output()), activations.get(i + 1).shape(), layer.name());
            NeuralNetConfiguration c = conf.getConf(i);
            assertEquals(layer.params(), c.getLayer().initializer().numParams(c), layer.name());
        }
        assertEquals(plan.totalParams(), net.numParams());
        return plan;
    }

    private static InputType expectedType(TensorShape shape) {
        return shape instanceof Maps m ? InputType.convolutional(m.height(), m.width(), m.channels())
                : InputType.feedForward(((Flat) shape).units());
    }

    private static long[] nchw(TensorShape shape) {
        return shape instanceof Maps m ? new long[] {2, m.channels(), m.height(), m.width()} : new long[] {2, shape.size()};
    }

    @Test
    void everyLayerType() {
        Conv2D strided = conv(6, 3, 2, Padding.SAME, Activation.LINEAR);
        Conv2D dilated = new Conv2D(4, Size2.of(3), Size2.of(1), Padding.VALID, Size2.of(2), Activation.ELU, false,
                Initializer.HE_UNIFORM, Initializer.ZEROS, null, null);
        ModelConfig model = layers(
                new ZeroPadding2D(new Size2(1, 2), null),                           // 20x20 -> 22x24
                strided,                                                            // ceil(22/2), ceil(24/2) -> 11x12x6
                new BatchNormalization(0.99, 0.001, null),
                new ActivationLayer(Activation.RELU, null),
                new AveragePooling2D(Size2.of(2), null, Padding.SAME, null),        // 6x6x6
                dilated,                                                            // span 5: 6 - 5 + 1 -> 2x2x4
                new MaxPooling2D(Size2.of(2), Size2.of(1), Padding.VALID, null),    // 1x1x4
                new Dropout(0.3, null),
                flatten(),                                                          // 4
                new BatchNormalization(0.99, 0.001, null),                          // per feature: 4
                dense(5, Activation.RELU),
                dense(3, Activation.SOFTMAX));
        ModelPlan plan = ModelFactory.plan(model, image(20, 20, 3), 3, Loss.CATEGORICAL_CROSSENTROPY);
        assertEquals(List.of("22x24x3", "11x12x6", "11x12x6", "11x12x6", "6x6x6", "2x2x4", "1x1x4", "1x1x4", "4", "4", "5",
                "3"), plan.layers().stream().map(l -> l.output().toString()).toList());
        assertEquals(List.of(0L, 3 * 3 * 3 * 6 + 6L, 24L, 0L, 0L, 3 * 3 * 6 * 4L, 0L, 0L, 0L, 16L, 4 * 5 + 5L, 5 * 3 + 3L),
                plan.layers().stream().map(PlannedLayer::params).toList());
        assertDl4jAgrees(model, 20, 3, 3);
    }

    /** The template's options: batch normalization after each convolution, dropout after each hidden dense layer,
     *  and the class count taken from the data when the template gives none. */
    @Test
    void vggTemplateWithBatchNormalizationAndDropout() {
        VggTemplate small = new VggTemplate(List.of(new VggBlock(4, 2), new VggBlock(8, 1)), 3, Activation.RELU, true,
                List.of(16, 12), 0.5, null, Activation.SOFTMAX);
        ModelPlan plan = assertDl4jAgrees(new ModelConfig(null, small), 12, 3, 7);
        assertEquals(List.of("block1_conv1", "block1_bn1", "block1_conv2", "block1_bn2", "block1_pool", "block2_conv1",
                "block2_bn1", "block2_pool", "flatten", "fc1", "dropout", "fc2", "dropout_1", "predictions"), plan.layerNames());
        assertEquals("3x3x8", plan.layer("block2_pool").orElseThrow().output().toString());
        assertEquals(7, plan.outputUnits());
        assertEquals(2 * (4 + 4 + 8), plan.nonTrainableParams());
    }

    @Test
    void globalPooling() {
        assertDl4jAgrees(layers(conv(7, 3, Activation.RELU), new GlobalAveragePooling2D(null), dense(2, Activation.SOFTMAX)),
                9, 1, 2);
        assertDl4jAgrees(layers(conv(7, 3, Activation.RELU), new GlobalMaxPooling2D(null), dense(2, Activation.SOFTMAX)),
                9, 3, 2);
    }

    @Test
    void denseAfterFeatureMapsFlattensThemAsFlattenWould() {
        assertDl4jAgrees(TestSpecs.mnist(), 28, 1, 10);
        assertDl4jAgrees(layers(conv(8, 3, Activation.RELU), TestSpecs.maxPool(2), flatten(), dense(10, Activation.SOFTMAX)),
                28, 1, 10);
    }
}
