package dev.convlab.tutorials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convlab.viz.keras.TinyKeras;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every walkthrough of notebooks/ (issue 8) run as {@code scripts/tutorial NAME --quick}, as CI runs them: each must
 * exit 0, print its output folder, and leave its numbers, in range, and its figures there. The expected values are
 * the tutorial's hand-worked ones, not earlier output. About four minutes in all on 2 cores.
 */
@Tag("slow")
class QuickWalkthroughsTest {
    private static final Duration LIMIT = Duration.ofMinutes(6);

    /** Exported datasets, shared by the walkthroughs of this class. */
    @TempDir
    static Path cache;
    @TempDir
    Path out;

    private Walkthrough run(String name) throws Exception {
        Walkthrough w = Walkthrough.runQuick(name, out.resolve(name), cache, LIMIT);
        assertEquals(0, w.exit(), w.toString());
        assertTrue(w.output().contains("\noutput: " + w.dir() + "\n"), w.toString());
        assertTrue(Files.isRegularFile(w.dir().resolve("summary.md")), w.toString());
        assertTrue(Files.isRegularFile(w.dir().resolve("tutorial.log")), w.toString());
        return w;
    }

    @Test
    void convolutionArithmetic() throws Exception {
        Walkthrough w = run("conv-arithmetic");
        JsonNode j = w.json("conv-arithmetic.json");
        assertEquals("[[1,1,1,0,0],[0,1,1,1,0],[0,0,1,1,1],[0,0,1,1,0],[0,1,1,0,0]]", j.get("input").toString());
        assertEquals("[[1,0,1],[0,1,0],[1,0,1]]", j.get("filter").toString());
        // the tutorial's feature map, worked by hand
        assertEquals("[[4,3,4],[2,4,3],[2,3,4]]", j.get("feature_map").toString(), w.toString());
        List<String> shapes = new ArrayList<>();
        for (JsonNode s : j.get("shapes")) {
            shapes.add(s.get("layer").asText() + " " + s.get("padding").asText() + " -> " + s.get("dl4j").asText()
                    + " (formula " + s.get("formula").asInt() + ")");
        }
        // floor((n + 2p - f)/s) + 1 by hand: 5x5 with 3x3 -> 3, 5, 2, 3; 32x32x10 pooled 2x2 -> 16x16x10
        assertEquals(List.of(
                "conv 3x3, stride 1 valid -> 3x3x1 (formula 3)",
                "conv 3x3, stride 1 same -> 5x5x1 (formula 5)",
                "conv 3x3, stride 2 valid -> 2x2x1 (formula 2)",
                "conv 3x3, stride 2 same -> 3x3x1 (formula 3)",
                "max pool 2x2, stride 2 valid -> 16x16x10 (formula 16)"), shapes);
        assertTrue(j.get("ok").asBoolean());
        assertPng(w.dir().resolve("convolution.png"));
        assertTrue(w.output().contains("4 3 4\n  2 4 3\n  2 3 4\n"), w.toString());
    }

    @Test
    void mnistCnnAgainstDenseOnly() throws Exception {
        Walkthrough w = run("mnist-cnn");
        JsonNode runs = w.json("summary.json").get("runs");
        assertEquals(3, runs.size(), w.toString());
        assertEquals("cnn", runs.get(0).get("key").asText());
        assertEquals(13610, runs.get(0).get("parameters").asInt(), "8 filters of 3x3 + bias, 13x13x8 -> 10");
        assertEquals(7850, runs.get(1).get("parameters").asInt(), "784 -> 10");
        for (JsonNode r : runs) {
            assertEquals(500, r.get("test_images").asInt(), r.toString());
            assertEquals(2, r.get("epochs").asInt(), r.toString());
            assertInRange(r.get("test_accuracy").asDouble(), 0.0, 1.0, r.toString());
            assertTrue(Files.isRegularFile(Walkthrough.ROOT.resolve(r.get("run").asText()).resolve("report.html"))
                    || Files.isRegularFile(Path.of(r.get("run").asText()).resolve("report.html")), r.toString());
            // the number in the table is the one the run printed
            assertTrue(w.read(r.get("key").asText() + ".log").contains(String.format(Locale.ROOT,
                    "accuracy %.4f on 500 images", r.get("test_accuracy").asDouble())), r.toString());
        }
        // ten classes: chance is 0.1; even 2 epochs on 900 digits are far above it
        assertInRange(runs.get(0).get("test_accuracy").asDouble(), 0.5, 1.0, "CNN: " + w);
        for (String png : List.of("mnist-compare.png", "cnn-curves.png", "dense-curves.png",
                "dense-hidden-curves.png")) {
            assertPng(w.dir().resolve(png));
        }
    }

    @Test
    void catsVsDogsOnTwoFashionClasses() throws Exception {
        Walkthrough w = run("cats-vs-dogs");
        JsonNode summary = w.json("summary.json");
        assertTrue(summary.get("data").asText().contains("Shirt against T-shirt/top"), summary.toString());
        JsonNode runs = summary.get("runs");
        assertEquals(List.of("plain", "augmented"),
                List.of(runs.get(0).get("key").asText(), runs.get(1).get("key").asText()));
        for (JsonNode r : runs) {
            assertEquals(2, r.get("epochs").asInt(), r.toString());
            assertEquals(100, r.get("test_images").asInt(), r.toString());
            assertInRange(r.get("test_accuracy").asDouble(), 0.0, 1.0, r.toString());
            assertInRange(r.get("accuracy").asDouble() - r.get("val_accuracy").asDouble() - r.get("gap").asDouble(),
                    -1e-4, 1e-4, "gap = training - validation: " + r);
        }
        String plain = w.read("plain.log");
        String augmented = w.read("augmented.log");
        assertTrue(plain.contains("resized to 150x150x3 (RGB"), plain);
        assertTrue(!plain.contains("Training images are augmented"), plain);
        assertTrue(augmented.contains("Training images are augmented"), augmented);
        assertTrue(augmented.contains("rotation_range 40.0, width_shift_range 0.2, height_shift_range 0.2,"
                + " shear_range 0.2, zoom_range [0.8, 1.2], horizontal_flip"), augmented);
        for (String png : List.of("cats-vs-dogs-compare.png", "plain-curves.png", "augmented-curves.png",
                "augmented-preview.png")) {
            assertPng(w.dir().resolve(png));
        }
    }

    @Test
    void checkpointingSavesTheBestAndResumes() throws Exception {
        Walkthrough w = run("checkpointing");
        JsonNode s = w.json("summary.json");
        assertEquals(3, s.get("interrupted_exit_code").asInt(), w.toString());
        assertTrue(w.read("1-train.log").contains("stopped: interrupted by SIGINT"), w.read("1-train.log"));
        assertTrue(w.read("2-resume.log").contains("\nfrom checkpoint "), w.read("2-resume.log"));

        Path run = Path.of(s.get("run").asText());
        run = run.isAbsolute() ? run : Walkthrough.ROOT.resolve(run);
        Path best = Path.of(s.get("best_checkpoint").asText());
        best = best.isAbsolute() ? best : Walkthrough.ROOT.resolve(best);
        assertTrue(Files.isRegularFile(best), best.toString());
        // the best is the epoch with the highest val_accuracy in the run's own history
        Matcher m = Pattern.compile("weights-improvement-(\\d\\d)-(\\d\\.\\d{4})\\.zip")
                .matcher(best.getFileName().toString());
        assertTrue(m.matches(), best.toString());
        List<String> history = Files.readAllLines(run.resolve("history.csv"));
        int col = List.of(history.get(0).split(",")).indexOf("val_accuracy");
        int bestEpoch = 0;
        double bestValue = -1;
        for (String row : history.subList(1, history.size())) {
            String[] cells = row.split(",");
            double v = Double.parseDouble(cells[col]);
            if (v > bestValue) {
                bestValue = v;
                bestEpoch = Integer.parseInt(cells[0]);
            }
        }
        assertEquals(4, history.size() - 1, "4 epochs: " + history);
        assertEquals(bestEpoch, Integer.parseInt(m.group(1)), history.toString());
        assertEquals(String.format(Locale.ROOT, "%.4f", bestValue), m.group(2), history.toString());

        // evaluate's accuracy: what it printed, in range
        Matcher printed = Pattern.compile("\ntest: loss ([0-9.]+) - accuracy ([0-9.]+) on (\\d+) images\n")
                .matcher(w.read("3-evaluate.log"));
        assertTrue(printed.find(), w.read("3-evaluate.log"));
        assertEquals(Double.parseDouble(printed.group(2)), s.get("evaluate_accuracy").asDouble(), 0.0);
        assertEquals(500, Integer.parseInt(printed.group(3)));
        assertInRange(s.get("evaluate_accuracy").asDouble(), 0.5, 1.0, "10 classes, chance 0.1: " + s);
        assertTrue(w.read("3-evaluate.log").contains(String.format(Locale.ROOT, " Accuracy:        %.4f",
                s.get("evaluate_accuracy").asDouble())), "DL4J's own stats say the same: " + w.read("3-evaluate.log"));

        String predict = w.read("4-predict.log");
        assertEquals(10, Pattern.compile("(?m)\\.png:$").matcher(predict).results().count(), predict);
        assertInRange(s.get("predicted_right").asInt(), 0, 10, predict);
        // README: an interrupted and resumed run ends equal to the same run uninterrupted
        assertTrue(s.get("resume_equals_uninterrupted").asBoolean(), w.read("resume-vs-uninterrupted.diff"));
    }

    @Test
    void gridSearchRanksEveryTrial() throws Exception {
        Walkthrough w = run("grid-search");
        JsonNode sweeps = w.json("summary.json").get("sweeps");
        assertEquals(1, sweeps.size(), w.toString());
        JsonNode s = sweeps.get(0);
        assertEquals("batch-and-epochs", s.get("sweep").asText());
        // 3 batch sizes x 2 epoch counts
        assertEquals(6, s.get("ranked_rows").asInt(), w.toString());
        List<String> rows = Files.readAllLines(w.dir().resolve("batch-and-epochs-results.md"));
        assertEquals(2 + 6, rows.size(), String.join("\n", rows));
        List<String> batchEpochs = new ArrayList<>();
        for (String row : rows.subList(2, rows.size())) {
            String[] cells = row.split("\\|");
            assertTrue(cells[1].trim().matches("[1-6]"), row);
            assertTrue(row.endsWith("| ok |"), row);
            assertInRange(Double.parseDouble(cells[4].trim()), 0.0, 1.0, row);
            batchEpochs.add(cells[2].trim() + "x" + cells[3].trim());
        }
        assertEquals(List.of("10x2", "10x4", "20x2", "20x4", "40x2", "40x4"), batchEpochs.stream().sorted().toList());
        assertInRange(s.get("best_score").asDouble(), 0.0, 1.0, s.toString());
    }

    @Test
    void vgg16SummaryAVggTrainedHereAndWhatItSees() throws Exception {
        // the tiny Keras model of convlab-viz's tests as the --h5 model, when h5py can write it (always under CI)
        Path h5 = TinyKeras.installed() ? TinyKeras.files("fixed").resolve("tiny-functional.h5") : null;
        Walkthrough w = Walkthrough.runQuick("vgg16", out.resolve("vgg16"), cache, LIMIT,
                h5 != null ? new String[] {"--h5", h5.toString()} : new String[0]);
        assertEquals(0, w.exit(), w.toString());
        assertTrue(w.output().contains("\noutput: " + w.dir() + "\n"), w.toString());
        assertTrue(Files.isRegularFile(w.dir().resolve("summary.md")), w.toString());
        JsonNode s = w.json("summary.json");
        // Keras's published count for VGG16 (keras.io/api/applications)
        assertEquals(138_357_544L, s.get("vgg16_parameters").asLong(), w.toString());
        JsonNode t = s.get("trained");
        // VGG16's blocks at widths 16, 32, 64, 64, 64 on 32x32x1, fc1 and fc2 of 128, 10 classes, by hand:
        // each 3x3 convolution has (9 * in + 1) * out parameters, each dense layer (in + 1) * out
        int[][] blocks = {{16, 2}, {32, 2}, {64, 3}, {64, 3}, {64, 3}};
        long params = 0;
        int in = 1;
        for (int[] b : blocks) {
            for (int c = 0; c < b[1]; c++) {
                params += (9L * in + 1) * b[0];
                in = b[0];
            }
        }
        params += (64 + 1) * 128 + (128 + 1) * 128 + (128 + 1) * 10;   // 1x1x64 after five poolings of 32x32
        assertEquals(params, t.get("parameters").asLong(), t.toString());
        assertEquals(3, t.get("epochs").asInt(), t.toString());
        assertEquals(2700, t.get("training_images").asInt(), "300 per class less 10% validation: " + t);
        assertEquals(500, t.get("test_images").asInt(), t.toString());
        assertTrue(w.read("2-train.log").contains(String.format(Locale.ROOT, "accuracy %.4f on 500 images",
                t.get("test_accuracy").asDouble())), t.toString());
        // ten classes, chance 0.1: three epochs of 2,700 images get well above it
        assertInRange(t.get("test_accuracy").asDouble(), 0.2, 1.0, t.toString());
        assertPng(w.dir().resolve("fashion-curves.png"));
        List<String> figures = new ArrayList<>();
        s.get("figures").forEach(f -> figures.add(f.asText()));
        for (int b = 1; b <= 5; b++) {
            assertTrue(figures.contains("fashion/feature-maps-block" + b + "_conv1.png"), figures.toString());
            assertTrue(figures.contains("fashion/filters-block" + b + "_conv1.png"), figures.toString());
        }
        assertEquals(16, figures.size(), "5 feature maps, the overview, the kernels, 5 filters, 4 classes: "
                + figures);
        for (String f : figures) {
            assertPng(w.dir().resolve(f));
        }
        JsonNode classes = s.get("class_outputs");
        assertEquals(4, classes.size(), classes.toString());
        for (JsonNode c : classes) {
            assertTrue(c.get("end").asDouble() > c.get("start").asDouble(), "gradient ascent raises the score: " + c);
        }
        JsonNode keras = s.get("keras");
        if (h5 == null) {
            assertTrue(keras.isNull(), keras.toString());
        } else {
            // 3x3x3x4 + 4, 3x3x4x6 + 6, 96 x 8 + 8, 8 x 5 + 5
            assertEquals(112 + 222 + 776 + 45, keras.get("parameters").asInt(), keras.toString());
            assertEquals(10, keras.get("figures").size(), keras.toString());
            for (JsonNode f : keras.get("figures")) {
                assertPng(w.dir().resolve(f.asText()));
            }
        }
    }

    @Test
    void transferLearningFreezesTheBaseOfTheFirstFiveDigits() throws Exception {
        Walkthrough w = run("transfer");
        JsonNode runs = w.json("summary.json").get("runs");
        assertEquals(List.of("base", "transfer", "scratch", "fine-tune"), List.of(runs.get(0).get("key").asText(),
                runs.get(1).get("key").asText(), runs.get(2).get("key").asText(), runs.get(3).get("key").asText()));
        // Keras's formula: conv2d 3*3*1*32+32 = 320, conv2d_1 3*3*32*32+32 = 9,248, dense 12*12*32*128+128 = 589,952,
        // dense_1 128*5+5 = 645
        long[][] trainableFrozen = {{600_165, 0}, {589_952 + 645, 320 + 9_248}, {600_165, 0}, {600_165 - 320, 320}};
        for (int i = 0; i < 4; i++) {
            JsonNode r = runs.get(i);
            assertEquals(trainableFrozen[i][0], r.get("trainable_params").asLong(), r.toString());
            assertEquals(trainableFrozen[i][1], r.get("frozen_params").asLong(), r.toString());
            assertEquals(200, r.get("test_images").asInt(), r.toString());
            // five classes: chance is 0.2
            assertInRange(r.get("test_accuracy").asDouble(), 0.3, 1.0, r.toString());
            assertTrue(w.read(r.get("key").asText() + ".log").contains(String.format(Locale.ROOT,
                    "accuracy %.4f on 200 images", r.get("test_accuracy").asDouble())), r.toString());
        }
        assertTrue(w.read("base.log").contains("classes 0, 1, 2, 3, 4 only (as 0-4)"), w.read("base.log"));
        assertTrue(w.read("transfer.log").contains("classes 5, 6, 7, 8, 9 only (as 0-4)"), w.read("transfer.log"));
        assertTrue(w.read("transfer.log").contains("base-digits-0-4.zip: kept conv2d .. dropout with its weights;"
                + " frozen conv2d .. dropout"), w.read("transfer.log"));
        assertTrue(w.read("fine-tune.log").contains("frozen conv2d .. conv2d\n"), w.read("fine-tune.log"));
        for (String png : List.of("transfer-compare.png", "base-curves.png", "transfer-curves.png",
                "scratch-curves.png", "fine-tune-curves.png")) {
            assertPng(w.dir().resolve(png));
        }
    }

    private static void assertInRange(double v, double lo, double hi, String what) {
        assertTrue(v >= lo && v <= hi, v + " not in [" + lo + ", " + hi + "]: " + what);
    }

    private static void assertPng(Path png) throws IOException {
        assertTrue(Files.isRegularFile(png), png + " missing");
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image != null && image.getWidth() > 50 && image.getHeight() > 50, png.toString());
    }
}
