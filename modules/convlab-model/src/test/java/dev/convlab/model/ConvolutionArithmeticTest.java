package dev.convlab.model;

import static dev.convlab.model.TestSpecs.dense;
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
import dev.convlab.config.layers.AveragePooling2D;
import dev.convlab.config.layers.Conv2D;
import dev.convlab.config.layers.LayerSpec;
import dev.convlab.config.layers.MaxPooling2D;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Convolution and pooling through DL4J layers built by the factory, against hand-worked and naive results. */
class ConvolutionArithmeticTest {
    private static final double[][] IMAGE = {
            {1, 1, 1, 0, 0},
            {0, 1, 1, 1, 0},
            {0, 0, 1, 1, 1},
            {0, 0, 1, 1, 0},
            {0, 1, 1, 0, 0}};
    private static final double[][] FILTER = {{1, 0, 1}, {0, 1, 0}, {1, 0, 1}};

    @Test
    void handWorkedConvolution() {
        INDArray out = convolve(IMAGE, 1, Padding.VALID);
        assertArrayEquals(new double[][] {{4, 3, 4}, {2, 4, 3}, {2, 3, 4}}, out.toDoubleMatrix());
    }

    /** Output sizes: valid floor((n - k) / s) + 1, same ceil(n / s); and the numbers of TensorFlow's SAME padding. */
    @ParameterizedTest
    @CsvSource({"5, 1, VALID, 3", "5, 2, VALID, 2", "5, 1, SAME, 5", "5, 2, SAME, 3",
            "6, 2, SAME, 3", "6, 2, VALID, 2", "28, 1, VALID, 26", "28, 2, SAME, 14"})
    void outputSizeAndValuesFollowKeras(int n, int stride, Padding padding, int expectedSize) {
        double[][] image = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                image[i][j] = IMAGE[i % 5][j % 5] + 0.1 * i - 0.05 * j;
            }
        }
        int formula = padding == Padding.VALID ? Math.floorDiv(n - 3, stride) + 1 : (n + stride - 1) / stride;
        assertEquals(expectedSize, formula);
        ModelPlan plan = ModelFactory.plan(convModel(stride, padding), image(n, n, 1), 1, Loss.MEAN_SQUARED_ERROR);
        assertEquals(expectedSize + "x" + expectedSize + "x1", plan.layers().get(0).output().toString());
        INDArray out = convolve(image, stride, padding);
        assertArrayEquals(new long[] {expectedSize, expectedSize}, out.shape());
        double[][] expected = naiveConvolution(image, FILTER, stride, padding);
        double[][] actual = out.toDoubleMatrix();
        for (int i = 0; i < expectedSize; i++) {
            assertArrayEquals(expected[i], actual[i], 1e-5, "row " + i);
        }
    }

    @Test
    void twoByTwoPoolingHalves32x32x10() {
        MaxPooling2D pool = new MaxPooling2D(Size2.of(2), null, Padding.VALID, null);
        ModelPlan plan = ModelFactory.plan(layers(pool, dense(1, Activation.LINEAR)), image(32, 32, 3), 1,
                Loss.MEAN_SQUARED_ERROR);
        assertEquals("16x16x3", plan.layers().get(0).output().toString());
        ModelConfig tenChannels = layers(TestSpecs.conv(10, 1, Activation.LINEAR), pool, dense(1, Activation.LINEAR));
        plan = ModelFactory.plan(tenChannels, image(32, 32, 3), 1, Loss.MEAN_SQUARED_ERROR);
        assertEquals("32x32x10", plan.layers().get(0).output().toString());
        assertEquals("16x16x10", plan.layers().get(1).output().toString()); // floor((32 - 2) / 2) + 1
        MultiLayerNetwork net = network(tenChannels, 32, 3);
        INDArray pooled = net.feedForward(Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32), false).get(2);
        assertArrayEquals(new long[] {2, 10, 16, 16}, pooled.shape());
    }

    /** Same-padded pooling as TensorFlow: max ignores the padding (no zeros win), average leaves it out of the count. */
    @Test
    void samePaddedPoolingIgnoresThePadding() {
        double[][] grid = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
        double[][] negative = {{-1, -2, -3}, {-4, -5, -6}, {-7, -8, -9}};
        LayerSpec max = new MaxPooling2D(Size2.of(2), null, Padding.SAME, null);
        LayerSpec avg = new AveragePooling2D(Size2.of(2), null, Padding.SAME, null);
        assertArrayEquals(new double[][] {{-1, -3}, {-7, -9}}, pool(max, negative));
        assertArrayEquals(new double[][] {{3, 4.5}, {7.5, 9}}, pool(avg, grid)); // (1+2+4+5)/4, (3+6)/2, (7+8)/2, 9
    }

    private static double[][] pool(LayerSpec pooling, double[][] grid) {
        MultiLayerNetwork net = network(layers(pooling, dense(1, Activation.LINEAR)), 3, 1);
        return net.feedForward(Nd4j.create(grid).reshape(1, 1, 3, 3).castTo(DataType.FLOAT), false).get(1)
                .reshape(2, 2).toDoubleMatrix();
    }

    private static ModelConfig convModel(int stride, Padding padding) {
        Conv2D conv = new Conv2D(1, Size2.of(3), Size2.of(stride), padding, Size2.of(1), Activation.LINEAR, false,
                Initializer.ZEROS, Initializer.ZEROS, null, null);
        return layers(conv, dense(1, Activation.LINEAR));
    }

    /** The factory's convolution layer with FILTER as its weights, applied to one single-channel image. */
    private static INDArray convolve(double[][] image, int stride, Padding padding) {
        int n = image.length;
        MultiLayerNetwork net = network(convModel(stride, padding), n, 1);
        net.getLayer("conv2d").setParam("W", Nd4j.create(FILTER).reshape(1, 1, 3, 3).castTo(DataType.FLOAT));
        INDArray input = Nd4j.create(image).reshape(1, 1, n, n).castTo(DataType.FLOAT);
        INDArray out = net.feedForward(input, false).get(1);
        return out.reshape(out.size(2), out.size(3));
    }

    private static MultiLayerNetwork network(ModelConfig model, int size, int channels) {
        return ModelFactory.network(ModelFactory.build(model, image(size, size, channels), 1,
                TestSpecs.training(TestSpecs.sgd(0.1), Loss.MEAN_SQUARED_ERROR), 1));
    }

    /** Cross-correlation with TensorFlow's SAME padding: total pad (out-1)*s + k - n, the odd one at the end. */
    private static double[][] naiveConvolution(double[][] x, double[][] f, int s, Padding padding) {
        int n = x.length;
        int k = f.length;
        int out = padding == Padding.SAME ? (n + s - 1) / s : (n - k) / s + 1;
        int before = padding == Padding.SAME ? Math.max((out - 1) * s + k - n, 0) / 2 : 0;
        double[][] y = new double[out][out];
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < out; j++) {
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        int r = i * s + a - before;
                        int c = j * s + b - before;
                        if (r >= 0 && r < n && c >= 0 && c < n) {
                            y[i][j] += x[r][c] * f[a][b];
                        }
                    }
                }
            }
        }
        return y;
    }
}
