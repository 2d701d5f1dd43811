package dev.convlab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.RunConfig;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The input gradient equals central finite differences of what the network computes when it predicts (inference
 * mode: dropout off, batch normalisation with its moving statistics), in double precision, on a small network with
 * every kind of layer the visualisations pass through.
 */
class InputGradientTest {
    static final String YAML = """
            name: fd
            data: {dataset: image-folder, path: no-images, image: {height: 9, width: 9, channels: 3}}
            model:
              layers:
                - conv2d: {filters: 4, kernel_size: 3, activation: tanh}
                - batch_normalization: {}
                - max_pooling2d: {pool_size: 2}
                - conv2d: {filters: 3, kernel_size: 2, padding: same, activation: tanh}
                - flatten: {}
                - dropout: {rate: 0.5}
                - dense: {units: 6, activation: tanh}
                - batch_normalization: {}
                - dense: {units: 3, activation: softmax}
            """;
    static final double H = 1e-5;
    static MultiLayerNetwork net;
    static ModelLayers layers;
    static INDArray x;

    @BeforeAll
    static void build() {
        Models.backend();
        RunConfig config = Models.config(YAML);
        net = Models.fixed(config, 3, 11).convertDataType(DataType.DOUBLE);
        layers = ModelLayers.of(config, 3, net);
        x = Nd4j.rand(DataType.DOUBLE, 1, 3, 9, 9);
    }

    @Test
    void aFiltersMeanMatchesFiniteDifferences() {
        ConvLayer conv = layers.select(List.of("conv2d_1")).get(0);
        assertEquals(3, conv.index(), "batch_normalization and max_pooling2d come first");
        InputGradient.Step step = InputGradient.at(net, layers.inputType(), conv.index())
                .at(x, Objective.channelMean(1));
        ToDoubleFunction<INDArray> f = in -> net.feedForward(in, false).get(conv.index() + 1)
                .get(NDArrayIndex.point(0), NDArrayIndex.point(1), NDArrayIndex.all(), NDArrayIndex.all())
                .meanNumber().doubleValue();
        assertEquals(f.applyAsDouble(x), step.value(), 1e-12);
        compare(step.gradient(), f);
    }

    @Test
    void aClassScoreBeforeSoftmaxMatchesFiniteDifferences() {
        int out = layers.outputIndex();
        InputGradient.Step step = InputGradient.at(net, layers.inputType(), out).at(x, Objective.unit(2, 1));
        // the score computed by hand from the output layer's input and weights: no softmax
        INDArray w = net.getLayer(out).getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray b = net.getLayer(out).getParam(DefaultParamInitializer.BIAS_KEY);
        ToDoubleFunction<INDArray> score = in -> net.feedForward(in, false).get(out).mmul(w).addRowVector(b)
                .getDouble(0, 2);
        assertEquals(score.applyAsDouble(x), step.value(), 1e-12);
        compare(step.gradient(), score);
    }

    /** Central differences at 12 pixels spread over the channels; relative error below 1e-2 at each. */
    private static void compare(INDArray gradient, ToDoubleFunction<INDArray> f) {
        assertEquals(List.of(1L, 3L, 9L, 9L), List.of(gradient.shape()[0], gradient.shape()[1], gradient.shape()[2],
                gradient.shape()[3]));
        assertTrue(gradient.norm2Number().doubleValue() > 1e-6, "the gradient is not zero: " + gradient);
        Random random = new Random(3);
        int nonZero = 0;
        for (int k = 0; k < 12; k++) {
            int c = k % 3;
            int y = random.nextInt(9);
            int xx = random.nextInt(9);
            double v = x.getDouble(0, c, y, xx);
            INDArray plus = x.dup();
            plus.putScalar(new int[] {0, c, y, xx}, v + H);
            INDArray minus = x.dup();
            minus.putScalar(new int[] {0, c, y, xx}, v - H);
            double numeric = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * H);
            double analytic = gradient.getDouble(0, c, y, xx);
            double scale = Math.max(Math.abs(numeric), Math.abs(analytic));
            if (scale > 1e-9) {
                nonZero++;
                assertTrue(Math.abs(numeric - analytic) / scale < 1e-2, "pixel (" + c + ", " + y + ", " + xx
                        + "): backprop " + analytic + ", finite differences " + numeric);
            } else {
                assertEquals(0, analytic, 1e-9);
            }
        }
        assertTrue(nonZero >= 6, "enough pixels with a gradient to compare: " + nonZero);
    }
}
