package dev.convlab.data;

import dev.convlab.config.BadInput;
import dev.convlab.config.ConfigProblem;
import dev.convlab.config.DatasetKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.AsyncDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Image folders written by the test with javax.imageio (independent of OpenCV, which reads them). Every class has
 * its own solid colour, so each example's label can be checked against its pixels.
 */
class ImageFolderTest {
    private static final Map<String, Color> COLOURS = Map.of(
            "cat", new Color(255, 0, 0), "Dog", new Color(0, 0, 255), "bird", new Color(0, 255, 0));

    @TempDir
    Path dir;

    /** cat/, Dog/, bird/ (4 images each, assorted sizes and PNG types), plus a hidden folder and stray files. */
    private Path colourFolder() throws IOException {
        Path root = dir.resolve("train");
        int n = 0;
        for (Map.Entry<String, Color> entry : COLOURS.entrySet()) {
            for (int i = 0; i < 4; i++, n++) {
                int type = i == 1 ? BufferedImage.TYPE_INT_ARGB : i == 2 ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_INT_RGB;
                String sub = i == 3 ? "nested/" : "";
                write(root.resolve(entry.getKey() + "/" + sub + "img" + i + ".png"), 20 + 5 * i, 30 - 3 * i, type, entry.getValue());
            }
        }
        write(root.resolve(".hidden/x.png"), 10, 10, BufferedImage.TYPE_INT_RGB, Color.WHITE);
        write(root.resolve("cat/.ipynb_checkpoints/y.png"), 10, 10, BufferedImage.TYPE_INT_RGB, Color.WHITE);
        Files.writeString(root.resolve("notes.txt"), "not a class");
        Files.writeString(root.resolve("cat/readme.md"), "not an image");
        return root;
    }

    @Test
    void classesAreSortedByCodePointAndHiddenFoldersIgnored() throws IOException {
        DataSplits splits = Datasets.open(TestConfigs.of(DatasetKind.IMAGE_FOLDER).path(colourFolder())
                .image(12, 10, 3).split(0.25).build(), 7);
        assertEquals(List.of("Dog", "bird", "cat"), splits.classNames(), "Python's sorted(): upper case first");
        assertEquals(9, splits.trainCount());
        assertEquals(3, splits.validationCount());
        assertEquals(3, splits.testCount());
        assertTrue(splits.description().contains("the validation images, as no test_path is set"), splits.description());
        assertTrue(splits.fingerprint().startsWith("sha256:"));
    }

    @Test
    void colourBatchesAreResizedRgbWithMatchingOneHotLabels() throws IOException {
        DataSplits splits = Datasets.open(TestConfigs.of(DatasetKind.IMAGE_FOLDER).path(colourFolder())
                .image(12, 10, 3).split(0.25).batch(4).build(), 7);
        int seen = 0;
        for (ExampleIterator it : List.of(splits.train(), splits.validation())) {
            while (it.hasNext()) {
                DataSet batch = it.next();
                INDArray x = batch.getFeatures();
                assertEquals(DataType.FLOAT, x.dataType());
                assertArrayEquals(new long[] {batch.numExamples(), 3, 12, 10}, x.shape());
                assertEquals(batch.numExamples(), batch.getLabels().sumNumber().intValue(), "one-hot rows");
                for (int i = 0; i < batch.numExamples(); i++, seen++) {
                    Color colour = COLOURS.get(splits.classNames().get(batch.getLabels().getRow(i).argMax().getInt(0)));
                    // channel 0 is red: RGB as Keras feeds it, not OpenCV's BGR
                    assertEquals(colour.getRed() / 255f, x.getFloat(i, 0, 6, 5), 1e-6, "red of example " + seen);
                    assertEquals(colour.getGreen() / 255f, x.getFloat(i, 1, 6, 5), 1e-6);
                    assertEquals(colour.getBlue() / 255f, x.getFloat(i, 2, 0, 0), 1e-6);
                }
            }
        }
        assertEquals(12, seen);
    }

    @Test
    void greyReadsColourFilesAsLuminance() throws IOException {
        DataSplits splits = Datasets.open(TestConfigs.of(DatasetKind.IMAGE_FOLDER).path(colourFolder())
                .image(8, 8, 1).split(0).rescale(1).batch(20).build(), 7);
        DataSet all = splits.train().next();
        assertArrayEquals(new long[] {12, 1, 8, 8}, all.getFeatures().shape());
        for (int i = 0; i < 12; i++) {
            Color c = COLOURS.get(splits.classNames().get(all.getLabels().getRow(i).argMax().getInt(0)));
            double luminance = 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue(); // ITU-R BT.601
            assertEquals(luminance, all.getFeatures().getFloat(i, 0, 3, 3), 1.0);
        }
    }

    @Test
    void greyFilesBecomeThreeEqualChannels() throws IOException {
        Path root = dir.resolve("grey");
        write(root.resolve("a/1.png"), 16, 16, BufferedImage.TYPE_BYTE_GRAY, new Color(90, 90, 90));
        write(root.resolve("b/1.png"), 16, 16, BufferedImage.TYPE_BYTE_GRAY, new Color(200, 200, 200));
        DataSplits splits = Datasets.open(TestConfigs.of(DatasetKind.IMAGE_FOLDER).path(root).image(4, 4, 3)
                .split(0).rescale(1).shuffle(false).build(), 1);
        INDArray x = splits.train().next().getFeatures();
        for (int c = 0; c < 3; c++) {
            assertEquals(90f, x.getFloat(0, c, 2, 2));
            assertEquals(200f, x.getFloat(1, c, 2, 2));
        }
        assertEquals(0, splits.validationCount());
        assertTrue(!splits.validation().hasNext() && !splits.test().hasNext());
    }

    /** Each image has its own grey level, so the images of each split can be told apart. */
    @Test
    void seededSplitIsReproducibleAndDisjoint() throws IOException {
        Path root = dir.resolve("numbered");
        for (int i = 0; i < 30; i++) {
            write(root.resolve("c" + (i % 3) + "/" + i + ".png"), 6, 6, BufferedImage.TYPE_BYTE_GRAY, new Color(5 * i, 5 * i, 5 * i));
        }
        Set<Integer> train42 = levels(open(root, 42).train());
        Set<Integer> validation42 = levels(open(root, 42).validation());
        assertEquals(train42, levels(open(root, 42).train()), "same seed, same split");
        assertTrue(!train42.equals(levels(open(root, 43).train())), "another seed, another split");
        assertEquals(24, train42.size());
        assertEquals(6, validation42.size());
        Set<Integer> overlap = new HashSet<>(train42);
        overlap.retainAll(validation42);
        assertTrue(overlap.isEmpty(), "in both train and validation: " + overlap);
    }

    @Test
    void trainingOrderChangesPerPassAndSurvivesASeek() throws IOException {
        Path root = dir.resolve("numbered");
        for (int i = 0; i < 12; i++) {
            write(root.resolve("c" + (i % 2) + "/" + i + ".png"), 6, 6, BufferedImage.TYPE_BYTE_GRAY, new Color(5 * i, 5 * i, 5 * i));
        }
        ExampleIterator train = open(root, 9).train();
        List<Integer> pass0 = order(train);
        train.reset();
        List<Integer> pass1 = order(train);
        assertTrue(!pass0.equals(pass1), "shuffled again: " + pass0);
        ExampleIterator resumed = open(root, 9).train();
        resumed.seekEpoch(1);
        assertEquals(pass1, order(resumed));

        // as DL4J's fit() reads it: through AsyncDataSetIterator's prefetch thread
        DataSetIterator async = new AsyncDataSetIterator(open(root, 9).train(), 2, true);
        assertEquals(pass0, order(async));
        async.reset();
        assertEquals(pass1, order(async));
    }

    @Test
    void separateValidationAndTestFoldersMustHaveTheSameClasses() throws IOException {
        Path train = colourFolder();
        Path validation = dir.resolve("validation");
        Path test = dir.resolve("test");
        for (String cls : List.of("Dog", "bird", "cat")) {
            write(validation.resolve(cls + "/v.png"), 9, 9, BufferedImage.TYPE_INT_RGB, COLOURS.get(cls));
            write(test.resolve(cls + "/t1.png"), 9, 9, BufferedImage.TYPE_INT_RGB, COLOURS.get(cls));
            write(test.resolve(cls + "/t2.png"), 9, 9, BufferedImage.TYPE_INT_RGB, COLOURS.get(cls));
        }
        DataSplits splits = Datasets.open(TestConfigs.of(DatasetKind.IMAGE_FOLDER).path(train).validationPath(validation)
                .testPath(test).image(8, 8, 3).build(), 1);
        assertEquals(12, splits.trainCount());
        assertEquals(3, splits.validationCount());
        assertEquals(6, splits.testCount());
        assertTrue(splits.description().contains("3 images from validation_path " + validation)
                && splits.description().contains("(test_path " + test + ")"), splits.description());

        Files.createDirectories(validation.resolve("horse"));
        write(validation.resolve("horse/h.png"), 9, 9, BufferedImage.TYPE_INT_RGB, Color.BLACK);
        ConfigProblem mismatch = assertThrows(ConfigProblem.class, () -> Datasets.open(TestConfigs.of(DatasetKind.IMAGE_FOLDER)
                .path(train).validationPath(validation).image(8, 8, 3).build(), 1));
        assertEquals("data.validation_path", mismatch.yamlPath());
        assertTrue(mismatch.why().contains("not in data.path: horse"), mismatch.why());
    }

    @Test
    void missingOrEmptyFoldersAreConfigProblems() throws IOException {
        ConfigProblem missing = assertThrows(ConfigProblem.class, () -> Datasets.open(TestConfigs.of(DatasetKind.IMAGE_FOLDER)
                .path(dir.resolve("nope")).image(8, 8, 3).build(), 1));
        assertEquals("data.path", missing.yamlPath());
        assertTrue(missing.why().endsWith("nope does not exist"), missing.why());

        Path flat = dir.resolve("flat");
        write(flat.resolve("a.png"), 5, 5, BufferedImage.TYPE_INT_RGB, Color.RED);
        ConfigProblem noClasses = assertThrows(ConfigProblem.class, () -> Datasets.open(TestConfigs.of(DatasetKind.IMAGE_FOLDER)
                .path(flat).image(8, 8, 3).build(), 1));
        assertTrue(noClasses.why().contains("no class subfolders") && noClasses.why().contains("a.png"), noClasses.why());

        Path textOnly = dir.resolve("text");
        Files.createDirectories(textOnly.resolve("a"));
        Files.writeString(textOnly.resolve("a/list.csv"), "1,2");
        ConfigProblem noImages = assertThrows(ConfigProblem.class, () -> Datasets.open(TestConfigs.of(DatasetKind.IMAGE_FOLDER)
                .path(textOnly).image(8, 8, 3).build(), 1));
        assertTrue(noImages.why().contains("no images") && noImages.why().contains("a/list.csv"), noImages.why());
    }

    /** The pre-scan finds it before training starts (BadImageScanTest has every kind of bad file). */
    @Test
    void undecodableImageIsNamedBeforeTraining() throws IOException {
        Path root = dir.resolve("broken");
        write(root.resolve("a/good.png"), 5, 5, BufferedImage.TYPE_INT_RGB, Color.RED);
        write(root.resolve("b/good.png"), 5, 5, BufferedImage.TYPE_INT_RGB, Color.RED);
        Path bad = Files.writeString(root.resolve("b/bad.png"), "this is not a png");
        BadInput error = assertThrows(BadInput.class, () -> Datasets.open(TestConfigs.of(DatasetKind.IMAGE_FOLDER)
                .path(root).image(8, 8, 3).split(0).build(), 1));
        assertTrue(error.why().contains(bad + " (not an image: it holds text (\"this is not a png\"))"), error.oneLine());
    }

    /** Should a file go bad after the pre-scan, the batch that reads it still names it. */
    @Test
    void aFileThatGoesBadDuringTrainingIsNamed() throws IOException {
        Path root = dir.resolve("later");
        write(root.resolve("a/good.png"), 5, 5, BufferedImage.TYPE_INT_RGB, Color.RED);
        Path spoilt = root.resolve("b/good.png");
        write(spoilt, 5, 5, BufferedImage.TYPE_INT_RGB, Color.RED);
        DataSplits splits = Datasets.open(TestConfigs.of(DatasetKind.IMAGE_FOLDER).path(root).image(8, 8, 3).split(0).build(), 1);
        Files.writeString(spoilt, "overwritten with text");
        BadInput error = assertThrows(BadInput.class, () -> {
            while (splits.train().hasNext()) {
                splits.train().next();
            }
        });
        assertEquals(spoilt.toString(), error.where(), error.oneLine());
    }

    private static DataSplits open(Path root, long seed) {
        return Datasets.open(TestConfigs.of(DatasetKind.IMAGE_FOLDER).path(root).image(6, 6, 1).split(0.2).rescale(1)
                .batch(5).build(), seed);
    }

    private static Set<Integer> levels(ExampleIterator it) {
        return new HashSet<>(order(it));
    }

    private static List<Integer> order(DataSetIterator it) {
        List<Integer> levels = new ArrayList<>();
        while (it.hasNext()) {
            INDArray x = it.next().getFeatures();
            for (int i = 0; i < x.size(0); i++) {
                levels.add(Math.round(x.getFloat(i, 0, 3, 3)));
            }
        }
        return levels;
    }

    private static void write(Path file, int width, int height, int type, Color colour) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (type == BufferedImage.TYPE_BYTE_GRAY) {
                    // setRGB would map sRGB to the linear grey of TYPE_BYTE_GRAY; the raster takes the byte as is
                    image.getRaster().setSample(x, y, 0, colour.getRed());
                } else {
                    image.setRGB(x, y, colour.getRGB());
                }
            }
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer for type " + type);
        }
    }
}
