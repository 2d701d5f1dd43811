package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convlab.train.ModelBundle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training with augmentation and featurewise normalisation, through the CLI: the training set's statistics are
 * saved in the manifest and model.zip, and evaluate and predict normalise with them.
 */
class AugmentedTrainingTest {
    @TempDir
    static Path dir;
    static Path run;
    static Cli train;

    /** Two classes a person tells apart at a glance: horizontal and vertical bars, on noise. */
    @BeforeAll
    static void trainOnce() throws IOException {
        Random random = new Random(4);
        for (String cls : new String[] {"horizontal", "vertical"}) {
            Files.createDirectories(dir.resolve("bars/" + cls));
            for (int i = 0; i < 40; i++) {
                BufferedImage image = new BufferedImage(12, 12, BufferedImage.TYPE_BYTE_GRAY);
                int bar = 2 + random.nextInt(8);
                for (int y = 0; y < 12; y++) {
                    for (int x = 0; x < 12; x++) {
                        boolean on = cls.equals("horizontal") ? Math.abs(y - bar) <= 1 : Math.abs(x - bar) <= 1;
                        image.getRaster().setSample(x, y, 0, (on ? 180 : 30) + random.nextInt(40));
                    }
                }
                ImageIO.write(image, "png", dir.resolve("bars/" + cls + "/" + i + ".png").toFile());
            }
        }
        Path config = dir.resolve("bars.yaml");
        Files.writeString(config, """
                name: bars
                data:
                  dataset: image-folder
                  path: %s
                  image: {height: 12, width: 12, channels: 1}
                  validation_split: 0.25
                  batch_size: 16
                  augmentation: {width_shift_range: 1, height_shift_range: 1, fill_mode: reflect,
                                 featurewise_center: true, featurewise_std_normalization: true}
                model:
                  layers:
                    - conv2d: {filters: 4, kernel_size: 3, activation: relu}
                    - flatten: {}
                    - dense: {units: 2, activation: softmax}
                training: {epochs: 3, optimizer: {type: adam, learning_rate: 0.01}}
                """.formatted(dir.resolve("bars")));
        train = Cli.run("train", config.toString(), "--set", "output_dir=" + dir.resolve("runs"));
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }
    }

    @Test
    void theTrainingStatisticsAreSavedWithTheRunAndTheModel() throws IOException {
        assertEquals(0, train.exit(), train.toString());
        assertTrue(train.out().contains("Training images are augmented"), train.out());
        JsonNode data = new ObjectMapper().readTree(run.resolve("manifest.json").toFile()).get("data");
        JsonNode stats = data.get("featurewise_statistics");
        assertEquals(data.get("train_examples").asInt(), stats.get("images").asInt());
        double mean = stats.get("mean").get(0).asDouble();
        double std = stats.get("std").get(0).asDouble();
        // a third of each image is a bar of 180..219, the rest 30..69, over 255
        assertTrue(mean > 0.2 && mean < 0.45 && std > 0.15 && std < 0.4, stats.toString());
        ModelBundle bundle = ModelBundle.load(run.resolve("model.zip"));
        assertEquals(mean, bundle.featurewise().mean()[0], 0);
        assertEquals(std, bundle.featurewise().std()[0], 0);
    }

    @Test
    void evaluateNormalisesAsTrainingDid() throws IOException {
        Cli cli = Cli.run("evaluate", run.resolve("model.zip").toString());
        assertEquals(0, cli.exit(), cli.toString());
        JsonNode saved = new ObjectMapper().readTree(run.resolve("evaluation.json").toFile());
        Matcher m = Pattern.compile("test: loss (\\d+\\.\\d{4}) - accuracy (\\d\\.\\d{4})").matcher(cli.out());
        assertTrue(m.find(), cli.out());
        assertEquals(saved.get("loss").asDouble(), Double.parseDouble(m.group(1)), 1e-4);
        assertEquals(saved.get("accuracy").asDouble(), Double.parseDouble(m.group(2)), 1e-4);
    }

    /** predict's probability is the network's on (x / 255 - mean) / (std + 1e-6), computed here by hand. */
    @Test
    void predictNormalisesWithTheSavedStatistics() throws IOException {
        Path image = dir.resolve("bars/vertical/3.png");
        Cli cli = Cli.run("predict", run.resolve("model.zip").toString(), image.toString(), "--top", "2");
        assertEquals(0, cli.exit(), cli.toString());
        ModelBundle bundle = ModelBundle.load(run.resolve("model.zip"));
        double mean = bundle.featurewise().mean()[0];
        double std = bundle.featurewise().std()[0];
        BufferedImage png = ImageIO.read(image.toFile());
        float[] x = new float[144];
        for (int y = 0; y < 12; y++) {
            for (int c = 0; c < 12; c++) {
                x[y * 12 + c] = (float) ((png.getRaster().getSample(c, y, 0) / 255.0 - mean) / (std + 1e-6));
            }
        }
        INDArray p = bundle.network().output(Nd4j.create(x, new long[] {1, 1, 12, 12}, 'c'), false);
        double vertical = p.getDouble(0, 1);
        Matcher m = Pattern.compile("vertical\\s+(\\d+\\.\\d+)%").matcher(cli.out());
        assertTrue(m.find(), cli.out());
        assertEquals(100 * vertical, Double.parseDouble(m.group(1)), 0.006, cli.out());
    }
}
