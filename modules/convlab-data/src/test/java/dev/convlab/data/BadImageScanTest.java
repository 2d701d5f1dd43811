package dev.convlab.data;

import dev.convlab.config.ConfigProblem;
import dev.convlab.config.DatasetKind;
import dev.convlab.config.OnBadImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pre-scan on the folder: a zero-byte file, a truncated JPEG, a text file named .png, a floating-point
 * TIFF (bad); an RGBA PNG and a 16-bit PNG (good, converted); a hidden folder; an empty class.
 */
class BadImageScanTest {
    private static final Color RGBA = new Color(200, 40, 10, 128);

    @TempDir
    Path dir;

    private Path shop() throws IOException {
        Path root = dir.resolve("shop");
        TestImages.grey16(root.resolve("cat/deep16.png"), 6, 6, 40_000);
        TestImages.solid(root.resolve("cat/good1.png"), 6, 6, BufferedImage.TYPE_INT_RGB, Color.RED);
        TestImages.solid(root.resolve("cat/good2.png"), 6, 6, BufferedImage.TYPE_INT_RGB, Color.RED);
        TestImages.solid(root.resolve("cat/rgba.png"), 6, 6, BufferedImage.TYPE_INT_ARGB, RGBA);
        Files.write(root.resolve("cat/empty.png"), new byte[0]);
        TestImages.truncatedJpeg(root.resolve("cat/cut.jpg"), 0.6);
        TestImages.solid(root.resolve("dog/good1.png"), 6, 6, BufferedImage.TYPE_INT_RGB, Color.BLUE);
        TestImages.solid(root.resolve("dog/good2.png"), 6, 6, BufferedImage.TYPE_INT_RGB, Color.BLUE);
        Files.writeString(root.resolve("dog/notes.png"), "shopping list: milk, eggs");
        TestImages.floatTiff(root.resolve("dog/deep.tif"));
        TestImages.solid(root.resolve(".hidden/x.png"), 6, 6, BufferedImage.TYPE_INT_RGB, Color.GREEN);
        Files.createDirectories(root.resolve("zebra"));
        return root;
    }

    private static TestConfigs config(Path root, OnBadImage policy) {
        return TestConfigs.of(DatasetKind.IMAGE_FOLDER).path(root).image(4, 4, 3).split(0).rescale(1).batch(20)
                .shuffle(false).onBadImage(policy);
    }

    @Test
    void failNamesEveryBadFileAndTheEmptyClassInOneLine() throws IOException {
        Path root = shop();
        ConfigProblem problem = assertThrows(ConfigProblem.class,
                () -> Datasets.open(config(root, OnBadImage.FAIL).build(), 1));
        String why = problem.why();
        assertEquals("data.path", problem.yamlPath());
        assertTrue(why.startsWith("4 of 10 image files cannot be read: "), why);
        assertTrue(why.contains(root.resolve("cat/empty.png") + " (empty (0 bytes))"), why);
        assertTrue(why.contains(root.resolve("cat/cut.jpg") + " (truncated: the JPEG data stops after "), why);
        assertTrue(why.contains(root.resolve("dog/notes.png") + " (not an image: it holds text (\"shopping list: milk, egg...\"))"), why);
        assertTrue(why.contains(root.resolve("dog/deep.tif")
                + " (unsupported depth: 32-bit floating-point pixels (convlab reads 8- and 16-bit images))"), why);
        assertTrue(why.contains("class folder " + root.resolve("zebra") + " is empty (no image files)"), why);
        assertFalse(why.contains("rgba.png") || why.contains("deep16.png") || why.contains(".hidden"), why);
        assertFalse(problem.oneLine().contains("\n"));
        assertTrue(problem.fix().contains("data.on_bad_image: skip"), problem.fix());
    }

    @Test
    void skipKeepsAnEmptyClassAsAClassWithNoExamples() throws IOException {
        Path root = shop();
        DataSplits splits = Datasets.open(config(root, OnBadImage.SKIP).build(), 1);
        assertEquals(List.of("cat", "dog", "zebra"), splits.classNames());
        assertEquals(6, splits.trainCount());
        BadImage last = splits.skipped().get(splits.skipped().size() - 1);
        assertEquals(root.resolve("zebra"), last.file());
        assertEquals("class 'zebra' has no readable image: kept as a class with no examples", last.reason());
        assertEquals(List.of("cat", "dog", "zebra"), Datasets.classNames(config(root, OnBadImage.SKIP).build()),
                "check plans the same outputs as training");
    }

    @Test
    void skipTrainsOnTheGoodFilesAndListsTheOthers() throws IOException {
        Path root = shop();
        Files.delete(root.resolve("zebra"));
        DataSplits splits = Datasets.open(config(root, OnBadImage.SKIP).build(), 1);
        assertEquals(List.of("cat", "dog"), splits.classNames(), "the hidden folder is never a class");
        assertEquals(6, splits.trainCount());
        // in the folder's order: class by class, then by path
        assertEquals(List.of(root.resolve("cat/cut.jpg"), root.resolve("cat/empty.png"), root.resolve("dog/deep.tif"),
                root.resolve("dog/notes.png")), splits.skipped().stream().map(BadImage::file).toList());
        assertEquals("empty (0 bytes)", splits.skipped().get(1).reason());
        assertTrue(splits.description().contains("skipped 4 unreadable files (on_bad_image: skip)"), splits.description());

        // file order, unshuffled: cat/deep16, cat/good1, cat/good2, cat/rgba, dog/good1, dog/good2
        INDArray x = splits.train().next().getFeatures();
        assertEquals(6, x.size(0));
        long grey = Math.round(40_000 / 257.0); // 16 bits to 8, as 65535 -> 255
        for (int c = 0; c < 3; c++) {
            assertEquals(grey, x.getFloat(0, c, 2, 2), 0.0, "16-bit grey, channel " + c);
        }
        assertEquals(RGBA.getRed(), x.getFloat(3, 0, 2, 2), 0.0, "alpha dropped, colour kept");
        assertEquals(RGBA.getGreen(), x.getFloat(3, 1, 2, 2), 0.0);
        assertEquals(RGBA.getBlue(), x.getFloat(3, 2, 2, 2), 0.0);
        assertEquals(255f, x.getFloat(5, 2, 1, 1), 0.0, "blue dog");
    }

    @Test
    void aClassWithOnlyBadFilesIsAnErrorUnderFailAndKeptEmptyUnderSkip() throws IOException {
        Path root = dir.resolve("allbad");
        TestImages.solid(root.resolve("a/1.png"), 4, 4, BufferedImage.TYPE_INT_RGB, Color.RED);
        Files.createDirectories(root.resolve("b"));
        Files.write(root.resolve("b/1.png"), new byte[0]);
        ConfigProblem problem = assertThrows(ConfigProblem.class,
                () -> Datasets.open(config(root, OnBadImage.FAIL).build(), 1));
        assertTrue(problem.why().contains("class 'b' has no readable image"), problem.why());
        assertTrue(problem.why().contains(root.resolve("b/1.png") + " (empty (0 bytes))"), problem.why());
        DataSplits splits = Datasets.open(config(root, OnBadImage.SKIP).build(), 1);
        assertEquals(List.of("a", "b"), splits.classNames());
        assertEquals(List.of(root.resolve("b/1.png"), root.resolve("b")),
                splits.skipped().stream().map(BadImage::file).toList());
    }

    @Test
    void checkRefusesAnEmptyClassWithoutDecoding() throws IOException {
        Path root = shop();
        ConfigProblem problem = assertThrows(ConfigProblem.class,
                () -> Datasets.classNames(config(root, OnBadImage.FAIL).build()));
        assertTrue(problem.why().contains("zebra is empty"), problem.why());
        Files.delete(root.resolve("zebra"));
        assertEquals(List.of("cat", "dog"), Datasets.classNames(config(root, OnBadImage.FAIL).build()));
    }

    @Test
    void truncationIsFoundWhereverTheFileIsCut() throws IOException {
        Path whole = TestImages.truncatedJpeg(dir.resolve("whole.jpg"), 1.0);
        assertNull(ImageFileCheck.problem(whole));
        byte[] bytes = Files.readAllBytes(whole);
        for (int keep : new int[] {3, 40, bytes.length / 3, bytes.length / 2, bytes.length - 40, bytes.length - 2}) {
            Path cut = dir.resolve("cut" + keep + ".jpg");
            Files.write(cut, java.util.Arrays.copyOf(bytes, keep));
            String problem = ImageFileCheck.problem(cut);
            assertTrue(problem != null && problem.startsWith("truncated: the JPEG data stops after " + keep + " bytes"),
                    keep + " of " + bytes.length + ": " + problem);
        }
        // bytes after the end-of-image marker (some cameras pad files) are not a problem
        Path padded = dir.resolve("padded.jpg");
        Files.write(padded, java.util.Arrays.copyOf(bytes, bytes.length + 100));
        assertNull(ImageFileCheck.problem(padded));

        Path png = TestImages.solid(dir.resolve("p.png"), 8, 8, BufferedImage.TYPE_INT_RGB, Color.RED);
        assertNull(ImageFileCheck.problem(png));
        byte[] pngBytes = Files.readAllBytes(png);
        Path cutPng = dir.resolve("cut.png");
        Files.write(cutPng, java.util.Arrays.copyOf(pngBytes, pngBytes.length - 5));
        assertTrue(ImageFileCheck.problem(cutPng).startsWith("truncated: the PNG data stops after"),
                ImageFileCheck.problem(cutPng));
    }

    @Test
    void binaryJunkIsNotAnImage() throws IOException {
        Path zip = dir.resolve("archive.png");
        Files.write(zip, new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, 1, 2});
        assertEquals("not an image: its first bytes (50 4b 03 04 00 00 00 00) match no image format",
                ImageFileCheck.problem(zip));
    }
}
