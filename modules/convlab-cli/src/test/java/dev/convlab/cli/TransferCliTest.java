package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transfer learning from YAML, as Keras's mnist_transfer_cnn example does it: a CNN trained on the digits 0-4, its
 * convolution base frozen under a new head trained on 5-9 (data.classes), through the real CLI on mnist-10k.
 */
class TransferCliTest {
    @TempDir
    static Path dir;
    static Path baseRun;
    static Path baseModel;
    static Cli base;

    @BeforeAll
    static void trainTheBase() throws IOException {
        Path config = dir.resolve("base.yaml");
        Files.writeString(config, """
                name: digits-0-4
                data: {dataset: mnist-10k, classes: [0, 1, 2, 3, 4], batch_size: 32, max_train_samples: 400,
                       max_test_samples: 100}
                model:
                  layers:
                    - conv2d: {filters: 4, kernel_size: 3, activation: relu}
                    - max_pooling2d: {pool_size: 2}
                    - flatten: {}
                    - dense: {units: 16, activation: relu}
                    - dense: {units: 5, activation: softmax}
                training:
                  epochs: 2
                  optimizer: {type: adam, learning_rate: 0.003}
                """);
        base = Cli.run("train", config.toString(), "--set", "output_dir=" + dir.resolve("runs"));
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            baseRun = runs.findFirst().orElseThrow();
        }
        baseModel = baseRun.resolve("model.zip");
    }

    private static Path transferConfig(String name, String base, String classes) throws IOException {
        Path config = dir.resolve(name + ".yaml");
        Files.writeString(config, """
                name: %s
                data: {dataset: mnist-10k, classes: %s, batch_size: 32, max_train_samples: 300,
                       max_test_samples: 100}
                model:
                  base: %s
                  layers:
                    - flatten: {}
                    - dense: {units: 16, activation: relu}
                    - dense: {units: 5, activation: softmax}
                training:
                  epochs: 2
                  optimizer: {type: adam, learning_rate: 0.003}
                """.formatted(name, classes, base));
        return config;
    }

    @Test
    void theBaseTrainsOnFiveOfTheTenDigits() throws IOException {
        assertEquals(0, base.exit(), base.toString());
        assertTrue(base.out().contains("classes 0, 1, 2, 3, 4 only (as 0-4)"), base.out());
        assertEquals(List.of("0", "1", "2", "3", "4"), labelsOf(baseModel));
        JsonNode evaluation = new ObjectMapper().readTree(baseRun.resolve("evaluation.json").toFile());
        assertEquals(5, evaluation.get("confusion_matrix").get("counts").size(), evaluation.toString());
    }

    @Test
    void theHeadTrainsOnTheOtherDigitsOverAFrozenBase() throws Exception {
        assertEquals(0, base.exit(), base.toString());
        Path config = transferConfig("digits-5-9", "{from: " + baseModel + "}", "[5, 6, 7, 8, 9]");

        Cli check = Cli.run("check", config.toString());
        assertEquals(0, check.exit(), check.toString());
        // conv2d: 3*3*1*4 + 4 = 40 frozen; 13x13x4 = 676 -> dense 16: 676*16+16 = 10832; 16*5+5 = 85
        assertTrue(check.out().contains("Trainable params: 10,917"), check.out());
        assertTrue(check.out().contains("Non-trainable params: 40"), check.out());

        Cli train = Cli.run("train", config.toString(), "--set", "output_dir=" + dir.resolve("transfer"));
        assertEquals(0, train.exit(), train.toString());
        assertTrue(train.out().contains("classes 5, 6, 7, 8, 9 only (as 0-4)"), train.out());
        Path run;
        try (Stream<Path> runs = Files.list(dir.resolve("transfer"))) {
            run = runs.findFirst().orElseThrow();
        }
        assertEquals(List.of("5", "6", "7", "8", "9"), labelsOf(run.resolve("model.zip")));
        JsonNode manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
        JsonNode baseEntry = manifest.get("model").get("base");
        assertEquals(baseModel.toString(), baseEntry.get("from").asText());
        assertEquals(sha256(baseModel), baseEntry.get("sha256").asText());
        assertEquals("[\"conv2d\",\"max_pooling2d\"]", baseEntry.get("frozen_layers").toString());

        // the trained model's convolution is the base's, bit for bit; its new dense layer is not the base's
        MultiLayerNetwork before = ModelSerializer.restoreMultiLayerNetwork(baseModel.toFile(), false);
        MultiLayerNetwork after = ModelSerializer.restoreMultiLayerNetwork(run.resolve("model.zip").toFile(), false);
        assertEquals(before.getLayer(0).params(), after.getLayer(0).params());
        assertFalse(before.getLayer(2).params().equals(after.getLayer(2).params()));

        // and it loads where any model does
        Cli evaluate = Cli.run("evaluate", run.resolve("model.zip").toString());
        assertEquals(0, evaluate.exit(), evaluate.toString());
        assertTrue(evaluate.out().contains("on 100 images"), evaluate.out());
        // visualize takes gradients through the frozen convolution, which in training passes none down
        java.awt.image.BufferedImage digit = new java.awt.image.BufferedImage(28, 28,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 6; y < 22; y++) {
            digit.getRaster().setSample(14, y, 0, 255);
        }
        Path png = dir.resolve("stroke.png");
        javax.imageio.ImageIO.write(digit, "png", png.toFile());
        Cli visualize = Cli.run("visualize", run.resolve("model.zip").toString(), "--image", png.toString(),
                "--filters", "--saliency", "--per-layer", "2", "--steps", "3", "-o", dir.resolve("viz").toString());
        assertEquals(0, visualize.exit(), visualize.toString());
        assertTrue(Files.isRegularFile(dir.resolve("viz/filters-conv2d.png"))
                && Files.isRegularFile(dir.resolve("viz/saliency.png")), visualize.toString());
    }

    @Test
    void aMissingBaseOrLayerIsOneLineAtItsKey() throws IOException {
        Path missing = transferConfig("missing", "{from: " + dir.resolve("no-such.zip") + "}", "[5, 6, 7, 8, 9]");
        Cli noFile = Cli.run("train", missing.toString());
        assertEquals(2, noFile.exit(), noFile.toString());
        assertTrue(noFile.err().startsWith("error: ") && noFile.err().contains("model.base.from")
                && noFile.err().contains("no-such.zip: no such model file"), noFile.err());
        assertFalse(noFile.err().contains("\tat "), noFile.err());

        assertEquals(0, base.exit(), base.toString());
        Path layer = transferConfig("layer", "{from: " + baseModel + ", keep_until: block1_pool}", "[5, 6, 7, 8, 9]");
        Cli noLayer = Cli.run("check", layer.toString());
        assertEquals(2, noLayer.exit(), noLayer.toString());
        assertTrue(noLayer.err().contains("model.base.keep_until")
                && noLayer.err().contains("its layers are: conv2d, max_pooling2d, flatten, dense, dense_1"),
                noLayer.err());

        Path badClass = transferConfig("class", "{from: " + baseModel + "}", "[5, 6, 7, 8, 10]");
        Cli noClass = Cli.run("check", badClass.toString());
        assertEquals(2, noClass.exit(), noClass.toString());
        assertTrue(noClass.err().contains("data.classes[4]") && noClass.err().contains("'10' is not a class"),
                noClass.err());
    }

    private static List<String> labelsOf(Path model) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(model.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("convlab-labels.txt")).readAllBytes())
                    .lines().toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
