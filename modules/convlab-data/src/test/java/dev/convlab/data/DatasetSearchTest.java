package dev.convlab.data;

import com.sun.net.httpserver.HttpServer;
import dev.convlab.config.ConfigProblem;
import dev.convlab.config.DatasetKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the idx datasets are looked for, the download, and the one message when everything fails. */
class DatasetSearchTest {
    @TempDir
    Path dir;

    @Test
    void offlineFashionMnistNamesEveryPlaceAndHowToInstall() {
        DataPlaces places = TestConfigs.emptyPlaces(dir);
        long start = System.nanoTime();
        ConfigProblem error = assertThrows(ConfigProblem.class,
                () -> Datasets.open(TestConfigs.of(DatasetKind.FASHION_MNIST).build(), 1, places));
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();

        assertTrue(seconds < 10, "the failed download took " + seconds + " s");
        assertEquals("data.dataset", error.yamlPath());
        String why = error.why();
        for (String place : new String[] {"data.path (not set)", "$CONVLAB_DATA/fashion-mnist (CONVLAB_DATA is not set)",
                places.cache().resolve("fashion-mnist") + " (no such folder)",
                dir.resolve("usr-share-datasets/fashion-mnist") + " (no such folder)",
                "download http://127.0.0.1:9/train-images-idx3-ubyte.gz"}) {
            assertTrue(why.contains(place), "missing '" + place + "' in: " + why);
        }
        assertTrue(error.fix().contains("apt-get install dataset-fashion-mnist"), error.fix());
        assertTrue(error.fix().contains("data.path"), error.fix());
    }

    @Test
    void offlineMnistProposesMnist10k() {
        ConfigProblem error = assertThrows(ConfigProblem.class,
                () -> Datasets.open(TestConfigs.of(DatasetKind.MNIST).build(), 1, TestConfigs.emptyPlaces(dir)));
        assertTrue(error.why().contains("http://127.0.0.1:9/train-images-idx3-ubyte.gz"), error.why());
        assertTrue(error.fix().contains("dataset: mnist-10k"), error.fix());
        // MNIST has no Debian package, so /usr/share/datasets is not searched for it.
        assertTrue(!error.why().contains("usr-share-datasets"), error.why());
    }

    @Test
    void incompleteFolderIsReportedWithWhatItLacks() throws IOException {
        Path data = dir.resolve("data");
        IdxWriter.writeDataset(data.resolve("mnist"), 10, 10);
        Files.delete(data.resolve("mnist/t10k-labels-idx1-ubyte.gz"));
        DataPlaces empty = TestConfigs.emptyPlaces(dir);
        DataPlaces places = new DataPlaces(data, empty.convlabHome(), empty.systemDatasets(), empty.mnistDownload(),
                empty.fashionDownload(), empty.downloadTimeout());

        ConfigProblem error = assertThrows(ConfigProblem.class,
                () -> Datasets.open(TestConfigs.of(DatasetKind.MNIST).build(), 1, places));
        assertTrue(error.why().contains(data.resolve("mnist") + " (lacks t10k-labels-idx1-ubyte(.gz))"), error.why());
    }

    @Test
    void dataPathIsNeverSkippedSilently() {
        Path missing = dir.resolve("nowhere");
        ConfigProblem error = assertThrows(ConfigProblem.class, () -> Datasets.open(
                TestConfigs.of(DatasetKind.FASHION_MNIST).path(missing).build(), 1, TestConfigs.debianOnly(dir)));
        assertEquals("data.path", error.yamlPath());
        assertTrue(error.why().contains(missing + " does not exist"), error.why());
    }

    @Test
    void convlabDataFolderIsUsedWithUncompressedFiles() throws IOException {
        Path data = dir.resolve("data");
        IdxWriter.writeDataset(data.resolve("mnist"), 12, 4);
        for (String name : IdxDataset.FILES) {
            Path gz = data.resolve("mnist/" + name + ".gz");
            Files.write(data.resolve("mnist/" + name),
                    new java.util.zip.GZIPInputStream(Files.newInputStream(gz)).readAllBytes());
            Files.delete(gz);
        }
        DataPlaces empty = TestConfigs.emptyPlaces(dir);
        DataPlaces places = new DataPlaces(data, empty.convlabHome(), empty.systemDatasets(), empty.mnistDownload(),
                empty.fashionDownload(), empty.downloadTimeout());

        DataSplits splits = Datasets.open(TestConfigs.of(DatasetKind.MNIST).split(0.25).build(), 1, places);
        assertEquals(9, splits.trainCount());
        assertEquals(3, splits.validationCount());
        assertEquals(4, splits.testCount());
        assertTrue(splits.description().contains("$CONVLAB_DATA"), splits.description());
    }

    /** The download code, against a local HTTP server: files land in the cache, and are not fetched twice. */
    @Test
    void downloadsIntoTheCacheOnce() throws IOException {
        Path served = dir.resolve("served");
        IdxWriter.writeDataset(served, 30, 10);
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fashion/", exchange -> {
            requests.incrementAndGet();
            Path file = served.resolve(Path.of(exchange.getRequestURI().getPath()).getFileName().toString());
            if (!Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/fashion/");
            DataPlaces places = TestConfigs.emptyPlaces(dir).withDownloads(base, Duration.ofSeconds(5));

            DataSplits first = Datasets.open(TestConfigs.of(DatasetKind.FASHION_MNIST).split(0).build(), 1, places);
            assertEquals(30, first.trainCount());
            assertEquals(10, first.testCount());
            assertEquals(4, requests.get());
            assertTrue(first.description().contains("downloaded from " + base), first.description());
            for (String name : IdxDataset.FILES) {
                assertTrue(Files.isRegularFile(places.cache().resolve("fashion-mnist/" + name + ".gz")), name);
            }

            DataSplits second = Datasets.open(TestConfigs.of(DatasetKind.FASHION_MNIST).split(0).build(), 1, places);
            assertEquals(4, requests.get(), "the second open must read the cache");
            assertEquals(first.fingerprint(), second.fingerprint());
        } finally {
            server.stop(0);
        }
    }
}
