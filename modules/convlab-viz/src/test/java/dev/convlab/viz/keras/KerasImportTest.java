package dev.convlab.viz.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convlab.backend.Backends;
import dev.convlab.config.BackendKind;
import dev.convlab.viz.ConvLayer;
import dev.convlab.viz.FeatureMaps;
import dev.convlab.viz.InputSpace;
import dev.convlab.viz.Objective;
import dev.convlab.viz.Visualizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A tiny VGG-style Keras model, written as Keras writes .h5 files by tiny_keras_h5.py (h5py and numpy only), imported
 * through {@link KerasModelFile} and run by the visualisation code, against the script's own numpy forward pass
 * (NHWC, Keras's semantics): the preprocessed input, both convolutions' feature maps as {@link FeatureMaps} reads
 * them, the class scores before softmax, the probabilities, and the gradient of a filter's mean activation with
 * respect to the input. For the ways a model comes (a whole Sequential model, a whole functional model, a
 * weights-only file laid out as Keras's VGG16 weights, and one as Keras 2's save_weights writes, each with its model
 * JSON), and both ways h5py stores strings.
 *
 * <p>Tolerance: DL4J computes in float32 (24-bit mantissa: relative rounding 6e-8 per operation). The longest sum
 * here has 96 terms (fc1), and the input itself is rounded to float32, so each value's accumulated error stays below
 * about 100 x 6e-8 = 6e-6 of the magnitudes summed, which are at most a few times the array's largest value. The
 * test allows each value to be off by 1e-4 of its array's largest magnitude: over ten times that bound, and far
 * below what a wrong layout changes (a kernel transposed, BGR read as RGB, or Flatten in C, H, W order instead of
 * H, W, C moves these outputs by several percent of their range).
 */
class KerasImportTest {
    static final double TOL = 1e-4;
    @TempDir
    static Path out;

    @BeforeAll
    static void backend() {
        Backends.init(BackendKind.AUTO);
    }

    static Stream<Arguments> files() {
        return Stream.of("fixed", "vlen").flatMap(strings -> Stream.of(
                Arguments.of(strings, "tiny-sequential.h5", null, "a whole Keras model (Sequential, Keras 2.2.4)"),
                Arguments.of(strings, "tiny-functional.h5", null, "a whole Keras model (Model, Keras 2.2.4)"),
                Arguments.of(strings, "tiny-weights.h5", "tiny-model.json", "Keras weights, with the model of "),
                Arguments.of(strings, "tiny-weights-keras2.h5", "tiny-model.json",
                        "Keras weights, with the model of ")));
    }

    @ParameterizedTest(name = "{1} ({0}-length strings)")
    @MethodSource("files")
    void importedModelComputesWhatKerasComputes(String strings, String file, String json, String description)
            throws IOException {
        Path dir = TinyKeras.files(strings);
        JsonNode ref = TinyKeras.reference(dir);
        ImportedModel model = KerasModelFile.load(dir.resolve(file), json == null ? null : dir.resolve(json));
        assertTrue(model.description().startsWith(description), model.description());
        assertEquals(ref.get("params").asLong(), model.network().numParams());
        assertEquals(ref.get("params").asLong(), model.summary().totalParams(), model.summary().text());
        List<String> labels = IntStream.range(0, 5).mapToObj(Integer::toString).toList();
        Visualizer viz = Visualizer.of(model, KerasPreprocess.CAFFE, labels, out.resolve(strings + "-" + file));
        InputSpace space = viz.space();
        assertTrue(space.channelsLast(), "a channels_last model is fed NHWC");
        assertEquals(List.of("block1_conv1", "block2_conv1"),
                viz.layers().convolutions().stream().map(ConvLayer::name).toList());
        assertEquals(List.of(new ConvLayer("block1_conv1", 0, 16, 16, 4), new ConvLayer("block2_conv1", 2, 8, 8, 6)),
                viz.layers().convolutions());

        // the raw image, as a PNG read the way visualize reads --image: RGB, then caffe
        double[] input = viz.read(png(TinyKeras.doubles(ref.get("raw_rgb_hwc")), 16, 16, "in-" + strings + file))
                .input();
        assertClose(TinyKeras.doubles(ref.get("input_chw")), input, "preprocessed input");
        INDArray batch = space.batch(input);
        assertEquals(List.of(1L, 16L, 16L, 3L), List.of(batch.size(0), batch.size(1), batch.size(2), batch.size(3)));

        List<FeatureMaps.LayerMaps> maps = FeatureMaps.of(model.network(), batch, viz.layers().convolutions(), true);
        assertClose(TinyKeras.doubles(ref.get("block1_conv1_chw")), flat(maps.get(0)), "block1_conv1 maps");
        assertClose(TinyKeras.doubles(ref.get("block2_conv1_chw")), flat(maps.get(1)), "block2_conv1 maps");

        INDArray p = model.network().output(batch, false);
        assertClose(TinyKeras.doubles(ref.get("probabilities")), p.toDoubleVector(), "probabilities");
        double[] logits = TinyKeras.doubles(ref.get("logits"));
        for (int c = 0; c < logits.length; c++) {
            double score = viz.gradientAt(viz.layers().outputIndex()).at(batch, viz.classObjective(c)).value();
            assertEquals(logits[c], score, TOL * Arrays.stream(logits).map(Math::abs).max().orElseThrow(),
                    "score before softmax of class " + c);
        }

        ConvLayer first = viz.layers().convolutions().get(0);
        double[] gradient = space.chw(viz.gradientAt(first.index()).at(batch, Objective.channelMean(0, true))
                .gradient());
        assertClose(TinyKeras.doubles(ref.get("grad_block1_conv1_0_chw")), gradient, "d mean(block1_conv1 #0) / dx");
        double[] classGradient = space.chw(viz.gradientAt(viz.layers().outputIndex()).at(batch, viz.classObjective(3))
                .gradient());
        assertClose(TinyKeras.doubles(ref.get("grad_class_3_chw")), classGradient, "d score(class 3) / dx");
    }

    private static double[] flat(FeatureMaps.LayerMaps maps) {
        double[] out = new double[maps.channels() * maps.height() * maps.width()];
        int i = 0;
        for (float[] m : maps.maps()) {
            for (float v : m) {
                out[i++] = v;
            }
        }
        return out;
    }

    /** Each value within {@link #TOL} of the largest magnitude of {@code expected}. */
    static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        assertTrue(scale > 0, what + ": the reference is all zeros");
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(expected[i] - actual[i]) / scale;
            if (err > worst) {
                worst = err;
                at = i;
            }
        }
        assertTrue(worst <= TOL, what + ": largest error " + worst + " of the largest value " + scale + ", at " + at
                + " (expected " + (at >= 0 ? expected[at] : 0) + ", got " + (at >= 0 ? actual[at] : 0) + ")");
    }

    /** A PNG of raw RGB pixels given row by row, HWC. */
    static Path png(double[] hwc, int height, int width, String name) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                image.setRGB(x, y, ((int) hwc[i] << 16) | ((int) hwc[i + 1] << 8) | (int) hwc[i + 2]);
            }
        }
        Path file = out.resolve(name + ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
