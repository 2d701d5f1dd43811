package dev.convlab.model;

import static dev.convlab.model.TestSpecs.conv;
import static dev.convlab.model.TestSpecs.dense;
import static dev.convlab.model.TestSpecs.flatten;
import static dev.convlab.model.TestSpecs.image;
import static dev.convlab.model.TestSpecs.layers;
import static dev.convlab.model.TestSpecs.maxPool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.Activation;
import dev.convlab.config.ConfigProblem;
import dev.convlab.config.ImageShape;
import dev.convlab.config.Initializer;
import dev.convlab.config.Loss;
import dev.convlab.config.ModelConfig;
import dev.convlab.config.Padding;
import dev.convlab.config.Size2;
import dev.convlab.config.layers.ActivationLayer;
import dev.convlab.config.layers.Conv2D;
import dev.convlab.config.layers.Dense;
import dev.convlab.config.layers.VggBlock;
import dev.convlab.config.layers.VggTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configs that cannot be built fail before DL4J, naming the YAML key at fault. */
class PlanProblemsTest {
    private static final ImageShape MNIST = image(28, 28, 1);

    private static ConfigProblem problem(ModelConfig model, ImageShape input, int classes, Loss loss) {
        return assertThrows(ConfigProblem.class, () -> ModelFactory.plan(model, input, classes, loss));
    }

    @Test
    void kernelLargerThanItsInput() {
        // 28x28x1 -> conv 3 -> 26x26x8 -> pool 5 -> 5x5x8 -> conv 7
        ModelConfig model = layers(conv(8, 3, Activation.RELU), maxPool(5), conv(16, 7, Activation.RELU),
                dense(10, Activation.SOFTMAX));
        ConfigProblem p = problem(model, MNIST, 10, Loss.CATEGORICAL_CROSSENTROPY);
        assertEquals("model.layers[2].conv2d.kernel_size", p.yamlPath());
        assertEquals("7x7 is larger than its 5x5x8 input", p.why());
    }

    @Test
    void dilatedKernelIsMeasuredByItsSpan() {
        Conv2D dilated = new Conv2D(4, Size2.of(3), Size2.of(1), Padding.VALID, Size2.of(2), Activation.RELU, true,
                Initializer.GLOROT_UNIFORM, Initializer.ZEROS, null, null);
        ConfigProblem p = problem(layers(dilated, dense(2, Activation.SOFTMAX)), image(4, 4, 1), 2,
                Loss.CATEGORICAL_CROSSENTROPY);
        assertEquals("model.layers[0].conv2d.kernel_size", p.yamlPath());
        assertEquals("3x3 with dilation_rate 2 spans 5x5, larger than its 4x4x1 input", p.why());
    }

    @Test
    void poolLargerThanItsInputInAVggBlock() {
        VggTemplate tooDeep = new VggTemplate(List.of(new VggBlock(8, 1), new VggBlock(8, 1), new VggBlock(8, 1),
                new VggBlock(8, 1)), 3, Activation.RELU, false, List.of(16), 0.0, null, Activation.SOFTMAX);
        // 8 -> 4 -> 2 -> 1 -> a 2x2 pool on 1x1
        ConfigProblem p = problem(new ModelConfig(null, tooDeep), image(8, 8, 3), 10, Loss.CATEGORICAL_CROSSENTROPY);
        assertEquals("model.vgg.blocks[3]", p.yamlPath());
        assertEquals("2x2 is larger than its 1x1x8 input", p.why());
    }

    @Test
    void softmaxAndLossMustAgree() {
        ConfigProblem p = problem(layers(conv(8, 3, Activation.RELU), dense(10, Activation.RELU)), MNIST, 10,
                Loss.CATEGORICAL_CROSSENTROPY);
        assertEquals("model.layers[1].dense.activation", p.yamlPath());
        assertTrue(p.why().startsWith("categorical_crossentropy needs a softmax output"), p.why());
        p = problem(layers(dense(1, Activation.SOFTMAX)), MNIST, 2, Loss.BINARY_CROSSENTROPY);
        assertEquals("model.layers[0].dense.activation", p.yamlPath());
        assertTrue(p.why().startsWith("binary_crossentropy needs a sigmoid output"), p.why());
    }

    @Test
    void outputUnitsMustMatchTheClasses() {
        ConfigProblem p = problem(TestSpecs.mnist(), MNIST, 2, Loss.CATEGORICAL_CROSSENTROPY);
        assertEquals("model.layers[2].dense.units", p.yamlPath());
        assertEquals("the output layer 'dense' has 10 units, but the data has 2 classes", p.why());
        assertEquals("set units: 2", p.fix());
        // one sigmoid unit for two classes is the usual binary set-up
        ModelPlan binary = ModelFactory.plan(layers(dense(1, Activation.SIGMOID)), MNIST, 2, Loss.BINARY_CROSSENTROPY);
        assertEquals(1, binary.outputUnits());
        problem(layers(dense(1, Activation.SIGMOID)), MNIST, 3, Loss.BINARY_CROSSENTROPY);
    }

    @Test
    void vggClassesAndOutputActivationAreNamedByTheirTemplateKeys() {
        VggTemplate twoClasses = new VggTemplate(List.of(new VggBlock(4, 1)), 3, Activation.RELU, false, List.of(8), 0.0,
                2, Activation.SOFTMAX);
        assertEquals("model.vgg.classes",
                problem(new ModelConfig(null, twoClasses), image(8, 8, 3), 10, Loss.CATEGORICAL_CROSSENTROPY).yamlPath());
        assertEquals("model.vgg.output_activation",
                problem(new ModelConfig(null, twoClasses), image(8, 8, 3), 2, Loss.BINARY_CROSSENTROPY).yamlPath());
    }

    @Test
    void convolutionAfterFlattenIsRefused() {
        ConfigProblem p = problem(layers(flatten(), conv(4, 3, Activation.RELU), dense(10, Activation.SOFTMAX)), MNIST, 10,
                Loss.CATEGORICAL_CROSSENTROPY);
        assertEquals("model.layers[1].conv2d", p.yamlPath());
        assertTrue(p.why().contains("flat vector of 784 values"), p.why());
    }

    @Test
    void theOutputDenseMustComeLast() {
        ConfigProblem p = problem(layers(dense(10, Activation.LINEAR), new ActivationLayer(Activation.SOFTMAX, null)), MNIST,
                10, Loss.CATEGORICAL_CROSSENTROPY);
        assertEquals("model.layers[1].activation", p.yamlPath());
        p = problem(layers(conv(4, 3, Activation.RELU)), MNIST, 10, Loss.CATEGORICAL_CROSSENTROPY);
        assertEquals("model.layers", p.yamlPath());
    }

    @Test
    void randomBiasInitialisersAreRefused() {
        Dense randomBias = new Dense(10, Activation.SOFTMAX, true, Initializer.GLOROT_UNIFORM, Initializer.RANDOM_NORMAL,
                null, null);
        assertEquals("model.layers[0].dense.bias_initializer",
                problem(layers(randomBias), MNIST, 10, Loss.CATEGORICAL_CROSSENTROPY).yamlPath());
    }

    @Test
    void defaultNamesAreKerasAndNamesAreUnique() {
        ModelPlan plan = ModelFactory.plan(layers(conv(4, 3, Activation.RELU), conv(4, 3, Activation.RELU), maxPool(2),
                flatten(), dense(16, Activation.RELU), dense(10, Activation.SOFTMAX)), MNIST, 10, Loss.CATEGORICAL_CROSSENTROPY);
        assertEquals(List.of("conv2d", "conv2d_1", "max_pooling2d", "flatten", "dense", "dense_1"), plan.layerNames());
        Dense namedDense = new Dense(16, Activation.RELU, true, Initializer.GLOROT_UNIFORM, Initializer.ZEROS, null, "dense");
        ConfigProblem p = problem(layers(namedDense, dense(10, Activation.SOFTMAX)), MNIST, 10, Loss.CATEGORICAL_CROSSENTROPY);
        assertEquals("model.layers[1].dense", p.yamlPath());
        assertTrue(p.why().contains("'dense' is already taken by model.layers[0].dense"), p.why());
    }
}
