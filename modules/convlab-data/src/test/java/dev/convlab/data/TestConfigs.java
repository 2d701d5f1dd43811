package dev.convlab.data;

import dev.convlab.config.DataConfig;
import dev.convlab.config.DatasetKind;
import dev.convlab.config.ImageShape;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Builds DataConfig records the way the YAML loader would, with the defaults of the config format. */
final class TestConfigs {
    DatasetKind dataset;
    String path;
    String validationPath;
    String testPath;
    ImageShape image;
    double validationSplit = 0.1;
    int batchSize = 32;
    boolean shuffle = true;
    double rescale = 1.0 / 255;
    dev.convlab.config.AugmentationConfig augmentation;
    Integer maxTrain;
    Integer maxTest;
    String labelsCsv;
    dev.convlab.config.OnBadImage onBadImage = dev.convlab.config.OnBadImage.FAIL;
    dev.convlab.config.Interpolation interpolation = dev.convlab.config.Interpolation.NEAREST;

    static TestConfigs of(DatasetKind dataset) {
        TestConfigs c = new TestConfigs();
        c.dataset = dataset;
        return c;
    }

    TestConfigs path(Object value) {
        path = value.toString();
        return this;
    }

    TestConfigs validationPath(Object value) {
        validationPath = value.toString();
        return this;
    }

    TestConfigs testPath(Object value) {
        testPath = value.toString();
        return this;
    }

    TestConfigs image(int height, int width, int channels) {
        image = new ImageShape(height, width, channels);
        return this;
    }

    TestConfigs split(double value) {
        validationSplit = value;
        return this;
    }

    TestConfigs batch(int value) {
        batchSize = value;
        return this;
    }

    TestConfigs shuffle(boolean value) {
        shuffle = value;
        return this;
    }

    TestConfigs rescale(double value) {
        rescale = value;
        return this;
    }

    TestConfigs augmentation(dev.convlab.config.AugmentationConfig value) {
        augmentation = value;
        return this;
    }

    TestConfigs maxTrain(Integer value) {
        maxTrain = value;
        return this;
    }

    TestConfigs maxTest(Integer value) {
        maxTest = value;
        return this;
    }

    TestConfigs labelsCsv(Object value) {
        labelsCsv = value.toString();
        return this;
    }

    TestConfigs onBadImage(dev.convlab.config.OnBadImage value) {
        onBadImage = value;
        return this;
    }

    TestConfigs interpolation(dev.convlab.config.Interpolation value) {
        interpolation = value;
        return this;
    }

    DataConfig build() {
        return new DataConfig(dataset, path, validationPath, testPath, image, validationSplit, batchSize, shuffle,
                rescale, augmentation, maxTrain, maxTest, labelsCsv, onBadImage, interpolation,
                null);
    }

    /**
     * Places with nothing in them: no $CONVLAB_DATA, an empty home, no Debian folder, and downloads from a local port
     * nobody listens on, so a test never reaches the network and fails fast.
     */
    static DataPlaces emptyPlaces(Path dir) {
        return new DataPlaces(null, dir.resolve("home"), dir.resolve("usr-share-datasets"),
                URI.create("http://127.0.0.1:9/"), URI.create("http://127.0.0.1:9/"), Duration.ofSeconds(2));
    }

    /** Empty places, except that Debian's dataset folder is the real one. */
    static DataPlaces debianOnly(Path dir) {
        DataPlaces empty = emptyPlaces(dir);
        return new DataPlaces(null, empty.convlabHome(), DataPlaces.DEBIAN_DATASETS, empty.mnistDownload(),
                empty.fashionDownload(), empty.downloadTimeout());
    }
}
