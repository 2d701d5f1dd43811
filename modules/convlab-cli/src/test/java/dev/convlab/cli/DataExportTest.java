package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convlab data export fashion-mnist} on the real Fashion-MNIST files, and the must-show: a network
 * trained through ImageRecordReader from the exported folder scores as one trained from the idx files on the same
 * images with the same seed, within the noise of training.
 */
class DataExportTest {
    static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");
    static final int TRAIN = 3000;
    static final int TEST = 1000;
    static final int EPOCHS = 2;
    /**
     * Three standard deviations of the difference between the two paths, measured with this test's data sizes,
     * network and epochs over seeds 1 to 8 (each seed exports its own sample): test accuracy from the idx files
     * 0.790 +- 0.016 (mean +- sd), from the folder 0.787 +- 0.018; paired differences folder - idx of +0.005,
     * +0.015, -0.028, -0.001, -0.008, -0.023, +0.030, -0.011, mean -0.003 (standard error 0.007, so no systematic
     * gap), sd 0.019: below the 0.024 (0.017 * sqrt 2) of two unrelated runs, as both paths of a seed train on the
     * same sample and differ only in the order of classes and examples. Seed 42 (this test): 0.774 and 0.778.
     */
    static final double TOLERANCE = 0.06;
    static final List<String> FOLDERS = List.of("T-shirt_top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle_boot");

    @TempDir
    static Path dir;
    static Path export;
    static Cli exported;

    @BeforeAll
    static void exportOnce() {
        Assumptions.assumeTrue(Files.isRegularFile(FASHION.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST missing: run scripts/setup-data.sh");
        export = dir.resolve("fashion");
        exported = Cli.run("data", "export", "fashion-mnist", "--to", export.toString(), "--path", FASHION.toString(),
                "--max-train-samples", String.valueOf(TRAIN), "--max-test-samples", String.valueOf(TEST));
    }

    @Test
    void writesSafeClassFoldersOfLosslessPngs() throws IOException {
        assertEquals(0, exported.exit(), exported.toString());
        assertTrue(exported.out().contains("  0: T-shirt/top -> T-shirt_top\n"), exported.out());
        assertTrue(exported.out().contains("  9: Ankle boot -> Ankle_boot\n"), exported.out());
        assertEquals(List.of("label,class,folder", "0,T-shirt/top,T-shirt_top", "1,Trouser,Trouser"),
                Files.readAllLines(export.resolve("classes.csv")).subList(0, 3));
        for (String split : List.of("train", "test")) {
            try (Stream<Path> folders = Files.list(export.resolve(split))) {
                assertEquals(FOLDERS.stream().sorted().toList(),
                        folders.map(p -> p.getFileName().toString()).sorted().toList());
            }
        }
        // every exported PNG, decoded by javax.imageio, holds the bytes of the idx image its name numbers
        byte[] trainImages = idx(FASHION.resolve("train-images-idx3-ubyte.gz"));
        byte[] trainLabels = idx(FASHION.resolve("train-labels-idx1-ubyte.gz"));
        int files = 0;
        int[] perClass = new int[10];
        for (int c = 0; c < 10; c++) {
            List<Path> pngs = list(export.resolve("train").resolve(FOLDERS.get(c)));
            perClass[c] = pngs.size();
            for (Path png : pngs) {
                int index = Integer.parseInt(png.getFileName().toString().replace(".png", ""));
                assertEquals(c, trainLabels[index], png + " is in the folder of its label");
                if (files++ % 10 == 0) {
                    BufferedImage image = ImageIO.read(png.toFile());
                    assertEquals(BufferedImage.TYPE_BYTE_GRAY, image.getType(), png.toString());
                    byte[] pixels = new byte[784];
                    for (int p = 0; p < 784; p++) {
                        pixels[p] = (byte) image.getRaster().getSample(p % 28, p / 28, 0);
                    }
                    byte[] expected = java.util.Arrays.copyOfRange(trainImages, index * 784, index * 784 + 784);
                    assertArrayEquals(expected, pixels, png.toString());
                }
            }
        }
        assertEquals(TRAIN, files);
        // Fashion-MNIST's training set has 6,000 images of each class: a stratified sample of 3,000 has 300 of each
        assertArrayEquals(new int[] {300, 300, 300, 300, 300, 300, 300, 300, 300, 300}, perClass);
        assertEquals(TEST, countFiles(export.resolve("test")));
    }

    @Test
    void refusesToOverwriteAndNamesTheDatasetsItKnows() {
        assertEquals(0, exported.exit(), exported.toString());
        Cli again = Cli.run("data", "export", "fashion-mnist", "--to", export.toString(), "--path", FASHION.toString());
        assertEquals(2, again.exit(), again.toString());
        assertEquals("error: " + export.resolve("train") + ": already exists (export into a new or empty folder,"
                + " or delete it)", again.err().strip());
        Cli unknown = Cli.run("data", "export", "cifar-10", "--to", dir.resolve("x").toString());
        assertEquals(2, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("'cifar-10' is not a dataset convlab can export (use one of fashion-mnist,"
                + " mnist-10k, mnist)"), unknown.err());
        assertFalse(Files.exists(dir.resolve("x/train")));
    }

    /**
     * The same 3,000 training and 1,000 test images, the same seed and network, one run fed by the idx files in
     * memory and one by ImageRecordReader from the PNGs. The pixels are identical (checked above); what differs is
     * the order of the classes (sorted folder names) and so of the examples in each shuffled pass, which is the
     * run-to-run noise of training. TOLERANCE is justified in its comment.
     */
    @Test
    void trainingFromTheFolderScoresAsTrainingFromTheIdxFiles() throws IOException {
        assertEquals(0, exported.exit(), exported.toString());
        String model = """
                model:
                  layers:
                    - conv2d: {filters: 8, kernel_size: 3, activation: relu}
                    - max_pooling2d: {pool_size: 2}
                    - flatten: {}
                    - dense: {units: 10, activation: softmax}
                training: {epochs: EPOCHS, optimizer: {type: adam, learning_rate: 0.003}}
                """.replace("EPOCHS", String.valueOf(EPOCHS));
        double fromIdx = train("idx", "data: {dataset: fashion-mnist, path: " + FASHION + ", batch_size: 32,"
                + " validation_split: 0, max_train_samples: " + TRAIN + ", max_test_samples: " + TEST + "}\n" + model);
        double fromFolder = train("folder", "data: {dataset: image-folder, path: " + export.resolve("train")
                + ", test_path: " + export.resolve("test") + ", image: {height: 28, width: 28, channels: 1},"
                + " batch_size: 32, validation_split: 0}\n" + model);
        assertTrue(Math.abs(fromIdx - fromFolder) <= TOLERANCE,
                "test accuracy from the idx files " + fromIdx + ", from the exported folder " + fromFolder);
        assertTrue(fromFolder > 0.7, "far above chance (0.1): " + fromFolder);
    }

    private double train(String name, String yaml) throws IOException {
        Path config = Files.writeString(dir.resolve(name + ".yaml"), "name: " + name + "\nseed: 42\n" + yaml);
        Path runs = dir.resolve("runs-" + name);
        Cli cli = Cli.run("train", config.toString(), "--set", "output_dir=" + runs);
        assertEquals(0, cli.exit(), cli.toString());
        Path run;
        try (Stream<Path> list = Files.list(runs)) {
            run = list.findFirst().orElseThrow();
        }
        JsonNode evaluation = new ObjectMapper().readTree(run.resolve("evaluation.json").toFile());
        assertEquals(TEST, evaluation.get("examples").asInt());
        return evaluation.get("accuracy").asDouble();
    }

    /** The data bytes of a gzipped idx file, read here without convlab's reader. */
    private static byte[] idx(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz));
             DataInputStream data = new DataInputStream(in)) {
            int magic = data.readInt();
            int dims = magic & 0xFF;
            for (int d = 0; d < dims; d++) {
                data.readInt();
            }
            return data.readAllBytes();
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.sorted().toList());
        }
    }

    private static long countFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
