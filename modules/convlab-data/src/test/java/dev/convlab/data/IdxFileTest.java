package dev.convlab.data;

import dev.convlab.config.BadInput;
import dev.convlab.config.DatasetKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxFileTest {
    @TempDir
    Path dir;

    @Test
    void readsPlainAndGzippedFilesAlike() throws IOException {
        byte[] data = {0, 1, 2, (byte) 200, (byte) 255, 7};
        byte[] plain = IdxWriter.idx(new int[] {3, 1, 2}, data);
        Path raw = Files.write(dir.resolve("a-idx3-ubyte"), plain);
        Path gz = Files.write(dir.resolve("a-idx3-ubyte.gz"), IdxWriter.gzip(plain));

        for (Path file : new Path[] {raw, gz}) {
            IdxFile idx = IdxFile.read(file, 3);
            assertArrayEquals(new int[] {3, 1, 2}, idx.dims());
            assertArrayEquals(data, idx.data());
        }
        assertEquals(64, IdxFile.read(raw, 3).sha256().length());
    }

    @Test
    void truncatedGzipNamesTheFile() throws IOException {
        byte[] whole = IdxWriter.gzip(IdxWriter.idx(new int[] {100, 28, 28}, new byte[100 * 784]));
        Path file = Files.write(dir.resolve("train-images-idx3-ubyte.gz"), Arrays.copyOf(whole, whole.length / 2));

        BadInput error = assertThrows(BadInput.class, () -> IdxFile.read(file, 3));
        assertEquals(file.toString(), error.where());
        assertTrue(error.oneLine().contains("cut short"), error.oneLine());
    }

    @Test
    void truncatedPlainFileSaysHowMuchIsMissing() throws IOException {
        byte[] whole = IdxWriter.idx(new int[] {10, 28, 28}, new byte[10 * 784]);
        Path file = Files.write(dir.resolve("t10k-images-idx3-ubyte"), Arrays.copyOf(whole, 16 + 5 * 784));

        BadInput error = assertThrows(BadInput.class, () -> IdxFile.read(file, 3));
        assertEquals(file.toString(), error.where());
        assertTrue(error.why().contains("truncated") && error.why().contains("7,840") && error.why().contains("3,920"),
                error.why());
    }

    @Test
    void wrongMagicNumberOrRankIsRejected() throws IOException {
        Path notIdx = Files.writeString(dir.resolve("x.gz"), "<html>404 Not Found</html>");
        BadInput html = assertThrows(BadInput.class, () -> IdxFile.read(notIdx, 3));
        assertTrue(html.why().contains("magic number"), html.why());

        Path labels = Files.write(dir.resolve("labels"), IdxWriter.idx(new int[] {4}, new byte[4]));
        BadInput rank = assertThrows(BadInput.class, () -> IdxFile.read(labels, 3));
        assertTrue(rank.why().contains("0x00000801") && rank.why().contains("0x00000803"), rank.why());
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        byte[] whole = IdxWriter.idx(new int[] {2}, new byte[] {1, 2});
        Path file = Files.write(dir.resolve("labels"), Arrays.copyOf(whole, whole.length + 3));
        BadInput error = assertThrows(BadInput.class, () -> IdxFile.read(file, 1));
        assertTrue(error.why().contains("bytes after"), error.why());
    }

    @Test
    void labelsMustMatchImagesAndClasses() throws IOException {
        IdxFile images = IdxFile.read(Files.write(dir.resolve("img"), IdxWriter.idx(new int[] {3, 28, 28}, new byte[3 * 784])), 3);
        IdxFile twoLabels = IdxFile.read(Files.write(dir.resolve("two"), IdxWriter.idx(new int[] {2}, new byte[2])), 1);
        IdxFile badLabel = IdxFile.read(Files.write(dir.resolve("bad"), IdxWriter.idx(new int[] {3}, new byte[] {1, 12, 3})), 1);

        BadInput count = assertThrows(BadInput.class, () -> IdxData.images(images, twoLabels, IdxDataset.MNIST));
        assertEquals(dir.resolve("two").toString(), count.where());
        BadInput range = assertThrows(BadInput.class, () -> IdxData.images(images, badLabel, IdxDataset.MNIST));
        assertTrue(range.why().contains("label 12 of image 1"), range.why());
    }

    /** Through the public entry point: a damaged file in data.path is reported by name before any training. */
    @Test
    void corruptFileInDataPathIsNamedByDatasetsOpen() throws IOException {
        Path folder = dir.resolve("mnist");
        IdxWriter.writeDataset(folder, 20, 5);
        Path images = folder.resolve("train-images-idx3-ubyte.gz");
        byte[] whole = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(whole, whole.length - 30));

        BadInput error = assertThrows(BadInput.class, () -> Datasets.open(
                TestConfigs.of(DatasetKind.MNIST).path(folder).build(), 1, TestConfigs.emptyPlaces(dir)));
        assertEquals(images.toString(), error.where());
    }
}
