package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.viz.keras.TinyKeras;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convlab visualize} on Keras .h5 files: the tiny VGG-style model that tiny_keras_h5.py writes with h5py
 * (convlab-viz's KerasImportTest compares its outputs with numpy), as a whole model and as a weights file with its
 * JSON; and the errors for a .h5 file that is not HDF5 or not there.
 */
class VisualizeKerasCommandTest {
    @TempDir
    static Path dir;
    static Path keras;
    static Path picture;

    @BeforeAll
    static void files() throws IOException {
        keras = TinyKeras.files("vlen");
        picture = dir.resolve("x.png");
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | ((x + y) % 2) * 200);
            }
        }
        ImageIO.write(image, "png", picture.toFile());
    }

    @Test
    void writesFeatureMapsAndFiltersOfAWholeModel() throws IOException {
        Path out = dir.resolve("whole");
        Cli viz = Cli.run("visualize", keras.resolve("tiny-sequential.h5").toString(), "--image", picture.toString(),
                "--feature-maps", "--filters", "--steps", "5", "-o", out.toString());
        assertEquals(0, viz.exit(), viz.toString());
        assertTrue(viz.out().contains(": a whole Keras model (Sequential, Keras 2.2.4)\n"), viz.out());
        assertTrue(viz.out().contains("\nTotal params: 1,155\n"), viz.out());
        assertTrue(viz.out().contains("input: 16x16x3 (NHWC), preprocess caffe"), viz.out());
        List<String> expected = List.of("feature-maps-block1_conv1.png", "feature-maps-block2_conv1.png",
                "feature-maps.png", "weights-block1_conv1.png", "filters-block1_conv1.png",
                "filters-block2_conv1.png");
        assertWritten(viz, out, expected);
    }

    @Test
    void aWeightsFileWithItsJsonGivesClassOutputsNamedByAClassIndex() throws IOException {
        Path out = dir.resolve("weights");
        Path names = dir.resolve("classes.json");
        Files.writeString(names, "{\"0\": [\"n0\", \"zero\"], \"1\": [\"n1\", \"one\"], \"2\": [\"n2\", \"two\"],"
                + " \"3\": [\"n3\", \"three\"], \"4\": [\"n4\", \"four\"]}");
        Cli viz = Cli.run("visualize", keras.resolve("tiny-weights.h5").toString(), "--model-json",
                keras.resolve("tiny-model.json").toString(), "--class-names", names.toString(), "--class-output",
                "three", "--steps", "5", "-o", out.toString());
        assertEquals(0, viz.exit(), viz.toString());
        assertWritten(viz, out, List.of("class-three.png"));
    }

    @Test
    void aFileThatIsNotHdf5OrIsMissingIsOneErrorLine() throws IOException {
        Path text = dir.resolve("model.h5");
        Files.writeString(text, "not a model\n");
        Cli notHdf5 = Cli.run("visualize", text.toString(), "--filters", "-o", dir.resolve("unused").toString());
        assertEquals(2, notHdf5.exit(), notHdf5.toString());
        assertTrue(notHdf5.err().startsWith("error: " + text + ": is not an HDF5 file"), notHdf5.err());

        Path missing = dir.resolve("nothing.h5");
        Cli none = Cli.run("visualize", missing.toString(), "--filters", "-o", dir.resolve("unused").toString());
        assertEquals(2, none.exit(), none.toString());
        assertEquals("error: " + missing + ": no such model file (check the path)", none.err().strip());

        Cli grey = Cli.run("visualize", keras.resolve("tiny-sequential.h5").toString(), "--preprocess", "bgr",
                "-o", dir.resolve("unused").toString());
        assertEquals(2, grey.exit(), grey.toString());
        assertTrue(grey.err().startsWith("error: --preprocess: 'bgr' is not a preprocessing mode"), grey.err());

        for (Cli c : List.of(notHdf5, none, grey)) {
            assertEquals(1, c.err().strip().lines().count(), c.toString());
            assertFalse(c.err().contains("\tat "), "no stack trace: " + c.err());
        }
        assertFalse(Files.exists(dir.resolve("unused")), "nothing written");
    }

    private static void assertWritten(Cli viz, Path out, List<String> expected) throws IOException {
        List<String> printed = viz.out().lines().filter(l -> l.startsWith("written: "))
                .map(l -> Path.of(l.substring("written: ".length()).split("  \\(")[0]).getFileName().toString())
                .toList();
        assertEquals(expected, printed, viz.out());
        for (String name : expected) {
            BufferedImage image = ImageIO.read(out.resolve(name).toFile());
            assertTrue(image != null && image.getWidth() > 50 && image.getHeight() > 50, name);
        }
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(expected.size(), files.count(), "no other files");
        }
    }
}
