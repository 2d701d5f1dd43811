package dev.convlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.AugmentationConfig;
import dev.convlab.config.DataConfig;
import dev.convlab.config.DatasetKind;
import dev.convlab.config.FillMode;
import dev.convlab.config.ImageShape;
import dev.convlab.config.ShiftRange;
import dev.convlab.config.ZoomRange;
import dev.convlab.config.augment.OpProbabilities;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Augmentation where the data flows: only the training split changes, each image by its own seeded draw (the same
 * whatever the batch size, different each epoch), and normalisation uses the training images' statistics on every
 * split. Small in-memory datasets made here, and a PNG folder read through DataVec.
 */
class AugmentationPipelineTest {
    static final ImageShape SHAPE = new ImageShape(8, 9, 1);
    static final List<String> CLASSES = List.of("a", "b", "c");
    static final long SEED = 42;

    @TempDir
    Path dir;

    static AugmentationConfig strong() {
        return new AugmentationConfig(30, ShiftRange.uniform(0.2), ShiftRange.whole(2), 10, new ZoomRange(0.8, 1.2),
                List.of(), 10, FillMode.REFLECT, 0, true, false, false, false, false, false, OpProbabilities.KERAS,
                List.of());
    }

    static AugmentationConfig normalising(boolean featurewise, boolean samplewise) {
        return new AugmentationConfig(0, ShiftRange.NONE, ShiftRange.NONE, 0, ZoomRange.NONE, List.of(), 0,
                FillMode.NEAREST, 0, false, false, featurewise, featurewise, samplewise, samplewise,
                OpProbabilities.KERAS, List.of());
    }

    /** 90 training and 30 test images of 8x9 grey, whole values 0..255 with structure. */
    static InMemorySplits.Source source(ImageShape shape) {
        Random random = new Random(3);
        int size = shape.height() * shape.width() * shape.channels();
        byte[] train = new byte[90 * size];
        byte[] test = new byte[30 * size];
        random.nextBytes(train);
        random.nextBytes(test);
        byte[] trainLabels = new byte[90];
        byte[] testLabels = new byte[30];
        for (int i = 0; i < 90; i++) {
            trainLabels[i] = (byte) (i % 3);
        }
        for (int i = 0; i < 30; i++) {
            testLabels[i] = (byte) (i % 3);
        }
        return new InMemorySplits.Source(new ByteImages(train, trainLabels, shape),
                new ByteImages(test, testLabels, shape), CLASSES, "sha256:test", "made by the test", "training images",
                "the test images");
    }

    static DataConfig config(AugmentationConfig augmentation, int batch) {
        return TestConfigs.of(DatasetKind.MNIST_10K).split(0.2).batch(batch).augmentation(augmentation).build();
    }

    static DataSplits open(AugmentationConfig augmentation, int batch, ImageShape shape) {
        DataConfig cfg = config(augmentation, batch);
        return Pipelines.attach(InMemorySplits.build(source(shape), cfg, SEED, null), cfg, SEED, null);
    }

    /** Every example of one pass, by its index: the served (rescaled) pixels. */
    static Map<Integer, float[]> pass(ExampleIterator iterator) {
        Map<Integer, float[]> images = new HashMap<>();
        BaseExampleIterator it = (BaseExampleIterator) iterator;
        int position = 0;
        while (it.hasNext()) {
            DataSet batch = it.next();
            float[] x = batch.getFeatures().dup('c').data().asFloat();
            int n = batch.numExamples();
            int size = x.length / n;
            for (int i = 0; i < n; i++) {
                float[] one = new float[size];
                System.arraycopy(x, i * size, one, 0, size);
                images.put(it.exampleAt(position + i), one);
            }
            position += n;
        }
        it.reset();
        return images;
    }

    @Test
    void validationAndTestDataAreNeverAugmented() {
        DataSplits plain = open(null, 16, SHAPE);
        DataSplits augmented = open(strong(), 16, SHAPE);
        assertMapsEqual(pass(plain.validation()), pass(augmented.validation()));
        assertMapsEqual(pass(plain.test()), pass(augmented.test()));
        Map<Integer, float[]> before = pass(plain.train());
        Map<Integer, float[]> after = pass(augmented.train());
        assertEquals(before.keySet(), after.keySet());
        int changed = 0;
        for (int k : before.keySet()) {
            changed += java.util.Arrays.equals(before.get(k), after.get(k)) ? 0 : 1;
        }
        assertEquals(before.size(), changed, "every training image is changed by these ops");
        assertTrue(augmented.description().contains("validation and test images are not"), augmented.description());
    }

    @Test
    void eachImageGetsItsOwnDrawWhateverTheBatchSizeAndANewOneEachEpoch() {
        DataSplits small = open(strong(), 5, SHAPE);
        DataSplits large = open(strong(), 32, SHAPE);
        Map<Integer, float[]> epoch0 = pass(small.train());
        assertMapsEqual(epoch0, pass(large.train()));
        assertEquals(1, small.train().epoch());
        Map<Integer, float[]> epoch1 = pass(small.train());
        for (int k : epoch0.keySet()) {
            assertFalse(java.util.Arrays.equals(epoch0.get(k), epoch1.get(k)), "example " + k + " in epochs 0 and 1");
        }
        // and a resumed run that seeks to epoch 1 sees epoch 1's images
        DataSplits resumed = open(strong(), 7, SHAPE);
        resumed.train().seekEpoch(1);
        assertMapsEqual(epoch1, pass(resumed.train()));
    }

    @Test
    void servedImagesAreTheAugmentedRawImagesRescaled() {
        DataSplits raw = open(null, 16, SHAPE);
        ((BaseExampleIterator) raw.train()).usePipeline(PixelPipeline.RAW);
        Map<Integer, float[]> pixels = pass(raw.train());
        DataConfig cfg = config(strong(), 16);
        PixelPipeline training = Pipelines.training(cfg, SEED);
        Map<Integer, float[]> served = pass(open(strong(), 16, SHAPE).train());
        for (int k : pixels.keySet()) {
            float[] expected = training.augment(pixels.get(k), SHAPE, 0, k);
            for (int i = 0; i < expected.length; i++) {
                expected[i] = (float) (expected[i] * cfg.rescale());
            }
            assertArrayEquals(expected, served.get(k), "example " + k);
        }
    }

    /** Keras's fit and standardize: per-channel mean and std of the rescaled training images, on every split. */
    @Test
    void featurewiseStatisticsComeFromTheTrainingImagesAndApplyToEverySplit() {
        ImageShape colour = new ImageShape(6, 5, 3);
        DataSplits plain = open(null, 16, colour);
        DataSplits normalised = open(normalising(true, false), 16, colour);
        assertNull(plain.featurewise());
        assertNotNull(normalised.featurewise());
        // independent: sums over the training images as the plain iterator serves them (rescaled)
        Map<Integer, float[]> train = pass(plain.train());
        int plane = colour.height() * colour.width();
        double[] mean = new double[3];
        double[] squares = new double[3];
        for (float[] x : train.values()) {
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < plane; i++) {
                    mean[c] += x[c * plane + i];
                    squares[c] += (double) x[c * plane + i] * x[c * plane + i];
                }
            }
        }
        long n = (long) train.size() * plane;
        for (int c = 0; c < 3; c++) {
            mean[c] /= n;
            double std = Math.sqrt(squares[c] / n - mean[c] * mean[c]);
            assertEquals(mean[c], normalised.featurewise().mean()[c], 1e-9);
            assertEquals(std, normalised.featurewise().std()[c], 1e-9);
            squares[c] = std;
        }
        assertEquals(train.size(), normalised.featurewise().images());
        Map<Integer, float[]> plainTest = pass(plain.test());
        Map<Integer, float[]> test = pass(normalised.test());
        for (int k : plainTest.keySet()) {
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < plane; i++) {
                    double expected = (plainTest.get(k)[c * plane + i] - mean[c]) / (squares[c] + 1e-6);
                    assertEquals(expected, test.get(k)[c * plane + i], 1e-5);
                }
            }
        }
        // the statistics pass left the training split at the start of epoch 0
        assertEquals(0, normalised.train().epoch());
        assertEquals(train.keySet(), pass(normalised.train()).keySet());
    }

    @Test
    void samplewiseNormalisationCentresAndScalesEachImage() {
        for (float[] x : pass(open(normalising(false, true), 16, SHAPE).validation()).values()) {
            double mean = 0;
            double squares = 0;
            for (float v : x) {
                mean += v;
                squares += v * v;
            }
            mean /= x.length;
            assertEquals(0, mean, 1e-5);
            assertEquals(1, Math.sqrt(squares / x.length - mean * mean), 1e-4);
        }
    }

    /** Through DataVec's ImageRecordReader: decoded, resized, then augmented; validation images untouched. */
    @Test
    void imageFolderTrainingImagesAreAugmentedAfterDecodingAndValidationImagesAreNot() throws IOException {
        Path root = dir.resolve("folder");
        Random random = new Random(1);
        for (String cls : CLASSES) {
            for (int i = 0; i < 5; i++) {
                BufferedImage image = new BufferedImage(14, 11, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 11; y++) {
                    for (int x = 0; x < 14; x++) {
                        image.setRGB(x, y, random.nextInt(1 << 24));
                    }
                }
                Files.createDirectories(root.resolve(cls));
                ImageIO.write(image, "png", root.resolve(cls + "/" + i + ".png").toFile());
            }
        }
        TestConfigs base = TestConfigs.of(DatasetKind.IMAGE_FOLDER).path(root).image(10, 12, 3).split(0.2).batch(4);
        DataConfig plainCfg = base.augmentation(null).build();
        DataConfig augmentedCfg = base.augmentation(strong()).build();
        DataSplits plain = Datasets.open(plainCfg, SEED);
        DataSplits augmented = Datasets.open(augmentedCfg, SEED);
        assertMapsEqual(pass(plain.validation()), pass(augmented.validation()));
        ImageShape shape = new ImageShape(10, 12, 3);
        PixelPipeline training = Pipelines.training(augmentedCfg, SEED);
        assertEquals(0, augmented.train().epoch());
        Map<Integer, float[]> served = pass(augmented.train());
        for (Map.Entry<Integer, float[]> e : pass(plain.train()).entrySet()) {
            float[] raw = e.getValue().clone();
            for (int i = 0; i < raw.length; i++) {
                raw[i] = Math.round(raw[i] / plainCfg.rescale()); // back to the decoded whole values
            }
            float[] expected = training.augment(raw, shape, 0, e.getKey());
            float[] actual = served.get(e.getKey());
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i] * augmentedCfg.rescale(), actual[i], 1e-5, "example " + e.getKey());
            }
        }
    }

    private static void assertMapsEqual(Map<Integer, float[]> expected, Map<Integer, float[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (int k : expected.keySet()) {
            assertArrayEquals(expected.get(k), actual.get(k), "example " + k);
        }
    }
}
