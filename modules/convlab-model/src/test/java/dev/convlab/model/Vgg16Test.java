package dev.convlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.Activation;
import dev.convlab.config.ImageShape;
import dev.convlab.config.Loss;
import dev.convlab.config.ModelConfig;
import dev.convlab.config.layers.VggBlock;
import dev.convlab.config.layers.VggTemplate;
import dev.convlab.config.optim.Adam;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.junit.jupiter.api.Test;

/** VGG16 from the template against Keras's own numbers (keras.applications.VGG16().summary()). */
class Vgg16Test {
    private static final VggTemplate VGG16 = new VggTemplate(
            List.of(new VggBlock(64, 2), new VggBlock(128, 2), new VggBlock(256, 3), new VggBlock(512, 3), new VggBlock(512, 3)),
            3, Activation.RELU, false, List.of(4096, 4096), 0.0, null, Activation.SOFTMAX);
    private static final ModelPlan PLAN = ModelFactory.plan(new ModelConfig(null, VGG16), new ImageShape(224, 224, 3),
            1000, Loss.CATEGORICAL_CROSSENTROPY);

    @Test
    void hasKerasParameterCount() {
        assertEquals(138_357_544L, PLAN.totalParams());
        assertEquals(138_357_544L, PLAN.trainableParams());
        assertEquals(0L, PLAN.nonTrainableParams());
        // Keras's per-layer counts for a few layers: 3*3*3*64+64, 3*3*512*512+512, 25088*4096+4096, 4096*1000+1000
        assertEquals(1_792L, PLAN.layer("block1_conv1").orElseThrow().params());
        assertEquals(2_359_808L, PLAN.layer("block5_conv3").orElseThrow().params());
        assertEquals(102_764_544L, PLAN.layer("fc1").orElseThrow().params());
        assertEquals(4_097_000L, PLAN.layer("predictions").orElseThrow().params());
    }

    @Test
    void blocksHalveTheMapsAsKerasPrintsThem() {
        Map<String, String> expected = Map.of(
                "block1_pool", "112x112x64", "block2_pool", "56x56x128", "block3_pool", "28x28x256",
                "block4_pool", "14x14x512", "block5_pool", "7x7x512",
                "block1_conv2", "224x224x64", "flatten", "25088", "fc2", "4096", "predictions", "1000");
        expected.forEach((name, shape) -> assertEquals(shape, PLAN.layer(name).orElseThrow().output().toString(), name));
        assertEquals("(None, 7, 7, 512)", PLAN.layer("block5_pool").orElseThrow().output().keras());
    }

    @Test
    void usesKerasLayerNames() {
        assertEquals(List.of("block1_conv1", "block1_conv2", "block1_pool", "block2_conv1", "block2_conv2", "block2_pool",
                "block3_conv1", "block3_conv2", "block3_conv3", "block3_pool", "block4_conv1", "block4_conv2",
                "block4_conv3", "block4_pool", "block5_conv1", "block5_conv2", "block5_conv3", "block5_pool", "flatten",
                "fc1", "fc2", "predictions"), PLAN.layerNames());
        assertTrue(PLAN.summary("vgg16").contains("Total params: 138,357,544"));
    }

    @Test
    void dl4jAgreesOnParametersAndShapesWithoutInitialising() {
        MultiLayerConfiguration conf = ModelFactory.build(PLAN, new Adam(0.001, 0.9, 0.999, 1e-7, false), 42);
        long dl4jParams = 0;
        for (NeuralNetConfiguration layer : conf.getConfs()) {
            dl4jParams += layer.getLayer().initializer().numParams(layer);
        }
        assertEquals(138_357_544L, dl4jParams);
        List<InputType> types = conf.getLayerActivationTypes(InputType.convolutional(224, 224, 3));
        assertEquals(InputType.convolutional(7, 7, 512), types.get(PLAN.layer("block5_pool").orElseThrow().dl4jIndex()));
        assertEquals(InputType.feedForward(1000), types.get(types.size() - 1));
    }
}
