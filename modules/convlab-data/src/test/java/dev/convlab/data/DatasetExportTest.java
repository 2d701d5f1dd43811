package dev.convlab.data;

import dev.convlab.config.BadInput;
import dev.convlab.config.DatasetKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An exported Fashion-MNIST subset read back through the image-folder path (ImageRecordReader, ImageChannels)
 * gives the very tensors the in-memory idx path gives for the same images: same pixels, same class names.
 */
class DatasetExportTest {
    @TempDir
    Path dir;

    @Test
    void theFolderPathReadsTheSameTensorsAsTheIdxPath() throws IOException {
        DataPlaces places = TestConfigs.debianOnly(dir);
        Assumptions.assumeTrue(Files.isDirectory(places.systemDatasets().resolve("fashion-mnist")),
                "Fashion-MNIST missing: run scripts/setup-data.sh");
        DatasetExport.Result result = DatasetExport.export(new DatasetExport.Request(DatasetKind.FASHION_MNIST, null,
                dir.resolve("out"), 200, 50, 7), places);
        assertEquals(200, result.trainCount());
        assertEquals(50, result.testCount());
        assertEquals("T-shirt_top", result.folderNames().get(0));
        assertEquals("Ankle_boot", result.folderNames().get(9));

        InMemorySplits.Source idx = IdxData.source(IdxDataset.FASHION_MNIST, null, places);
        DataSplits folder = Datasets.open(TestConfigs.of(DatasetKind.IMAGE_FOLDER).path(result.train())
                .testPath(result.test()).image(28, 28, 1).split(0).shuffle(false).batch(64).build(), 7);
        assertEquals(result.folderNames().stream().sorted().toList(), folder.classNames(), "sorted as Keras sorts");
        check(folder.train(), files(result.train()), idx.trainPool(), folder.classNames(), result);
        check(folder.test(), files(result.test()), idx.testPool(), folder.classNames(), result);

        // the same images a config with max_train_samples 200 and seed 7 trains on
        DataSplits sameSubset = InMemorySplits.build(idx, TestConfigs.of(DatasetKind.FASHION_MNIST).maxTrain(200)
                .maxTest(50).split(0).build(), 7, null);
        assertEquals(200, sameSubset.trainCount());
        assertEquals(sortedPixelSums(sameSubset.train()), sortedPixelSums(folder.train()));
        assertEquals(sortedPixelSums(sameSubset.test()), sortedPixelSums(folder.test()));
    }

    @Test
    void refusesAFolderThatAlreadyHoldsAnExport() throws IOException {
        Files.createDirectories(dir.resolve("out/train"));
        BadInput error = assertThrows(BadInput.class, () -> DatasetExport.export(new DatasetExport.Request(
                DatasetKind.FASHION_MNIST, null, dir.resolve("out"), 10, 10, 1), TestConfigs.debianOnly(dir)));
        assertEquals(dir.resolve("out/train").toString(), error.where());
    }

    @Test
    void folderNamesAreSafe() {
        assertEquals("T-shirt_top", FolderNames.of("T-shirt/top"));
        assertEquals("Ankle_boot", FolderNames.of("Ankle boot"));
        assertEquals("_hidden", FolderNames.of(".hidden"));
        assertEquals("a_b_c_", FolderNames.of("a:b\\c?"));
        assertEquals("caf_", FolderNames.of("café"));
        assertEquals("CON_", FolderNames.of("CON"));
        assertEquals("nul.txt_", FolderNames.of("nul.txt"));
        BadInput clash = assertThrows(BadInput.class, () -> FolderNames.of(List.of("a/b", "a b")));
        assertTrue(clash.why().contains("'a/b' and 'a b' would share the folder a_b"), clash.why());
    }

    /** Example k of the unshuffled split is the k-th file by (folder, name); its name is its index in the idx file. */
    private static void check(ExampleIterator it, List<Path> files, ByteImages idx, List<String> classes,
                              DatasetExport.Result result) {
        int k = 0;
        while (it.hasNext()) {
            DataSet batch = it.next();
            INDArray x = batch.getFeatures();
            for (int i = 0; i < batch.numExamples(); i++, k++) {
                Path file = files.get(k);
                int index = Integer.parseInt(file.getFileName().toString().replace(".png", ""));
                String folderName = file.getParent().getFileName().toString();
                assertEquals(classes.indexOf(folderName), batch.getLabels().getRow(i).argMax().getInt(0));
                assertEquals(result.folderNames().get(idx.label(index)), folderName, "the folder of its idx label");
                for (int p = 0; p < 784; p++) {
                    float expected = (idx.pixels()[index * 784 + p] & 0xFF) / 255f;
                    assertEquals(expected, x.getFloat(i, 0, p / 28, p % 28), 1e-6, file + " pixel " + p);
                }
            }
        }
        assertEquals(files.size(), k);
    }

    private static List<Path> files(Path split) throws IOException {
        try (Stream<Path> walk = Files.walk(split)) {
            List<Path> files = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
            files.sort((a, b) -> a.getParent().getFileName().toString().equals(b.getParent().getFileName().toString())
                    ? a.getFileName().toString().compareTo(b.getFileName().toString())
                    : a.getParent().getFileName().toString().compareTo(b.getParent().getFileName().toString()));
            return files;
        }
    }

    /** The sum of each image's pixels, sorted: equal lists mean (almost surely) the same set of images. */
    private static List<Double> sortedPixelSums(ExampleIterator it) {
        List<Double> sums = new ArrayList<>();
        it.reset();
        while (it.hasNext()) {
            INDArray x = it.next().getFeatures();
            for (int i = 0; i < x.size(0); i++) {
                sums.add(Math.rint(x.slice(i).sumNumber().doubleValue() * 255));
            }
        }
        sums.sort(null);
        return sums;
    }
}
