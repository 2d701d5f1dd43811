package dev.convlab.data;

import dev.convlab.config.DatasetKind;
import dev.convlab.config.ImageShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real Fashion-MNIST files of the Debian package dataset-fashion-mnist (CI installs it with
 * scripts/setup-data.sh). The expected facts come from the dataset's documentation, not from this code.
 */
class FashionMnistTest {
    private static final Path DEBIAN = DataPlaces.DEBIAN_DATASETS.resolve("fashion-mnist");

    @TempDir
    static Path dir;
    private static DataSplits splits;

    @BeforeAll
    static void open() {
        assumeTrue(Files.isRegularFile(DEBIAN.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed in " + DEBIAN + ": run scripts/setup-data.sh (apt-get install dataset-fashion-mnist)");
        splits = Datasets.open(TestConfigs.of(DatasetKind.FASHION_MNIST).split(0).shuffle(false).batch(2000).build(),
                42, TestConfigs.debianOnly(dir));
    }

    @Test
    void hasTheDocumentedSizesAndClasses() {
        assertEquals(60_000, splits.trainCount());
        assertEquals(0, splits.validationCount());
        assertEquals(10_000, splits.testCount());
        assertEquals(new ImageShape(28, 28, 1), splits.inputShape());
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                "Ankle boot"), splits.classNames());
        assertTrue(splits.description().contains(DEBIAN.toString()), splits.description());
        assertTrue(splits.fingerprint().matches("sha256:[0-9a-f]{64}"), splits.fingerprint());
    }

    @Test
    void firstTrainingImageIsAnAnkleBoot() {
        splits.train().reset();
        DataSet first = splits.train().next();
        assertArrayEquals(new long[] {2000, 1, 28, 28}, first.getFeatures().shape());
        assertEquals(9, first.getLabels().getRow(0).argMax().getInt(0));
        assertEquals("Ankle boot", splits.classNames().get(9));
    }

    /** The test set: first label 9, 1,000 images per class, floats in [0, 1] with 1 reached, one-hot labels. */
    @Test
    void testSetIsBalancedRescaledAndOneHot() {
        int[] perClass = new int[10];
        int seen = 0;
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        splits.test().reset();
        while (splits.test().hasNext()) {
            DataSet batch = splits.test().next();
            INDArray x = batch.getFeatures();
            INDArray y = batch.getLabels();
            assertEquals(DataType.FLOAT, x.dataType());
            assertEquals(4, x.rank());
            if (seen == 0) {
                assertEquals(9, y.getRow(0).argMax().getInt(0));
            }
            min = Math.min(min, x.minNumber().floatValue());
            max = Math.max(max, x.maxNumber().floatValue());
            assertEquals(y.rows(), y.sumNumber().intValue(), "exactly one 1 per row");
            int[] classes = y.argMax(1).toIntVector();
            for (int c : classes) {
                perClass[c]++;
            }
            seen += (int) x.size(0);
        }
        assertEquals(10_000, seen);
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, perClass);
        assertEquals(0f, min);
        assertEquals(1f, max);
    }
}
