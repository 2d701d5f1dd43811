package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
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
 * {@code convlab visualize} on a model trained here: it writes the pictures asked for and prints each file; a wrong
 * layer, class, model or image is one error line with exit code 2.
 */
class VisualizeCommandTest {
    @TempDir
    static Path dir;
    static Path run;
    static Path model;
    static Path digit;

    @BeforeAll
    static void trainOnce() throws IOException {
        Path config = dir.resolve("viz.yaml");
        Files.writeString(config, """
                name: viz
                data: {dataset: mnist-10k, batch_size: 32, max_train_samples: 400, max_test_samples: 50}
                model:
                  layers:
                    - conv2d: {filters: 4, kernel_size: 3, activation: relu}
                    - max_pooling2d: {pool_size: 2}
                    - conv2d: {filters: 6, kernel_size: 3, activation: relu}
                    - flatten: {}
                    - dropout: {rate: 0.25}
                    - dense: {units: 10, activation: softmax}
                training:
                  epochs: 2
                  optimizer: {type: adam, learning_rate: 0.003}
                """);
        Cli train = Cli.run("train", config.toString(), "--set", "output_dir=" + dir.resolve("runs"));
        assertEquals(0, train.exit(), train.toString());
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }
        model = run.resolve("model.zip");
        digit = dir.resolve("seven.png");
        ImageIO.write(seven(), "png", digit.toFile());
    }

    @Test
    void writesEveryPictureAskedForIntoTheRunsVisualizeFolder() throws IOException {
        Cli viz = Cli.run("visualize", model.toString(), "--image", digit.toString(), "--feature-maps", "--filters",
                "--class-output", "3", "7", "--saliency", "--per-layer", "4", "--steps", "10");
        assertEquals(0, viz.exit(), viz.toString());
        Path out = run.resolve("visualize");
        List<String> expected = List.of("feature-maps-conv2d.png", "feature-maps-conv2d_1.png", "feature-maps.png",
                "weights-conv2d.png", "filters-conv2d.png", "filters-conv2d_1.png", "class-3.png", "class-7.png",
                "saliency.png");
        List<String> printed = viz.out().lines().filter(l -> l.startsWith("written: "))
                .map(l -> Path.of(l.substring("written: ".length()).split("  \\(")[0]).getFileName().toString())
                .toList();
        assertEquals(expected, printed, viz.out());
        for (String name : expected) {
            BufferedImage image = ImageIO.read(out.resolve(name).toFile());
            assertTrue(image != null && image.getWidth() > 50, name);
        }
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(expected.size(), files.count(), "no other files (no temporaries left)");
        }
    }

    @Test
    void anRgbImageOfAnotherSizeIsConvertedAsTrainingWould() throws IOException {
        BufferedImage rgb = new BufferedImage(40, 36, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(seven(), 0, 0, 40, 36, null);
        g.dispose();
        Path colour = dir.resolve("colour.png");
        ImageIO.write(rgb, "png", colour.toFile());
        Path out = dir.resolve("rgb-out");
        Cli viz = Cli.run("visualize", model.toString(), "--image", colour.toString(), "--saliency", "-o",
                out.toString());
        assertEquals(0, viz.exit(), viz.toString());
        assertTrue(Files.isRegularFile(out.resolve("saliency.png")), viz.out());
        assertTrue(viz.out().contains("written: " + out.resolve("saliency.png")), viz.out());
    }

    @Test
    void anUnknownLayerListsTheConvolutionLayers() {
        Cli viz = Cli.run("visualize", model.toString(), "--filters", "--layers", "conv2d,dense_7", "-o",
                dir.resolve("unused").toString());
        assertEquals(2, viz.exit(), viz.toString());
        assertEquals("error: --layers: no layer is named 'dense_7' (the convolution layers are conv2d, conv2d_1)",
                viz.err().strip());
        assertFalse(Files.exists(dir.resolve("unused")), "nothing written");
    }

    @Test
    void badInputIsOneLineWithExitCode2() throws IOException {
        Cli unknownClass = Cli.run("visualize", model.toString(), "--class-output", "eleven");
        assertEquals(2, unknownClass.exit(), unknownClass.toString());
        assertTrue(unknownClass.err().startsWith("error: --class-output: 'eleven' is not a class of this model")
                && unknownClass.err().contains("0-9"), unknownClass.err());

        Cli noModel = Cli.run("visualize", dir.resolve("nothing.zip").toString(), "--filters");
        assertEquals(2, noModel.exit(), noModel.toString());
        assertTrue(noModel.err().contains("no such model file"), noModel.err());

        Path text = dir.resolve("not-an-image.png");
        Files.writeString(text, "hello");
        Cli notImage = Cli.run("visualize", model.toString(), "--image", text.toString(), "--feature-maps");
        assertEquals(2, notImage.exit(), notImage.toString());
        assertTrue(notImage.err().startsWith("error: " + text), notImage.err());

        Cli noImage = Cli.run("visualize", model.toString(), "--saliency");
        assertEquals(2, noImage.exit(), noImage.toString());
        assertTrue(noImage.err().contains("--saliency: needs an image"), noImage.err());

        for (Cli c : List.of(unknownClass, noModel, notImage, noImage)) {
            assertEquals(1, c.err().strip().lines().count(), c.toString());
        }
    }

    /** A white 7 on black, 28x28 grey, as MNIST draws digits. */
    static BufferedImage seven() {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 28, 28);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(3));
        g.drawLine(7, 7, 21, 7);
        g.drawLine(21, 7, 12, 23);
        g.dispose();
        return image;
    }
}
