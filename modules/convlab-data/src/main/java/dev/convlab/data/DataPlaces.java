package dev.convlab.data;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where datasets are looked for and downloaded from: the machine's environment, made explicit so tests (and
 * mirrors) can point it elsewhere.
 *
 * @param convlabData      {@code $CONVLAB_DATA}, a folder holding one subfolder per dataset; null when not set
 * @param convlabHome      {@code $CONVLAB_HOME}, default {@code ~/.convlab}; datasets are cached in its
 *                         {@code datasets/} folder, which is also where scripts/setup-data.sh installs
 * @param systemDatasets   where Debian's dataset packages install ({@code /usr/share/datasets})
 * @param mnistDownload    base URL of the MNIST idx files ({@code <base>train-images-idx3-ubyte.gz} ...)
 * @param fashionDownload  base URL of the Fashion-MNIST idx files
 * @param downloadTimeout  connect and response timeout of each download
 */
public record DataPlaces(Path convlabData, Path convlabHome, Path systemDatasets, URI mnistDownload,
                         URI fashionDownload, Duration downloadTimeout) {

    /** TensorFlow's mirror: yann.lecun.com, the original home, often refuses scripted downloads. */
    public static final URI MNIST_URL = URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/");
    /** Keras's copy of the files published by Zalando Research. */
    public static final URI FASHION_MNIST_URL = URI.create("https://storage.googleapis.com/tensorflow/tf-keras-datasets/");
    public static final Path DEBIAN_DATASETS = Path.of("/usr/share/datasets");

    public DataPlaces {
        if (convlabHome == null || systemDatasets == null || mnistDownload == null || fashionDownload == null
                || downloadTimeout == null) {
            throw new IllegalArgumentException("only convlabData may be null");
        }
    }

    /** The places of this machine: environment variables, the home folder, the public URLs, a 20 s timeout. */
    public static DataPlaces fromEnvironment() {
        String data = System.getenv("CONVLAB_DATA");
        String home = System.getenv("CONVLAB_HOME");
        return new DataPlaces(
                data == null || data.isBlank() ? null : Path.of(data),
                home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".convlab") : Path.of(home),
                DEBIAN_DATASETS, MNIST_URL, FASHION_MNIST_URL, Duration.ofSeconds(20));
    }

    /** The same places with both downloads taken from {@code base} (a mirror, or an unreachable address in tests). */
    public DataPlaces withDownloads(URI base, Duration timeout) {
        return new DataPlaces(convlabData, convlabHome, systemDatasets, base, base, timeout);
    }

    /** The cache folder: {@code $CONVLAB_HOME/datasets}. */
    public Path cache() {
        return convlabHome.resolve("datasets");
    }
}
