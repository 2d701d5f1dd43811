package dev.convlab.data;

import dev.convlab.config.DataConfig;

/**
 * The entry point: a config's {@code data:} section and the run's seed in, the run's data out. Everything that
 * depends on chance (the validation holdout, the order of every training pass) is drawn from the seed, so the
 * same config and seed give the same batches.
 */
public final class Datasets {
    private Datasets() {
    }

    /** Opens the data with this machine's places ({@link DataPlaces#fromEnvironment()}). */
    public static DataSplits open(DataConfig cfg, long seed) {
        return open(cfg, seed, DataPlaces.fromEnvironment());
    }

    /**
     * Opens the data, looking for dataset files in {@code places}.
     *
     * @throws dev.convlab.config.BadInput (often its subclass ConfigProblem, naming the YAML key) when the data
     *                                     cannot be found or read; the message says where it looked and what to do
     */
    /**
     * The class names without reading any image: fixed for the idx and npm datasets, the sorted class folders for
     * an image folder. What {@code convlab check} needs to plan the output layer.
     *
     * @throws dev.convlab.config.ConfigProblem when the image folder is missing or has no class folders
     */
    public static java.util.List<String> classNames(DataConfig cfg) {
        return switch (cfg.dataset()) {
            case MNIST, FASHION_MNIST -> IdxDataset.of(cfg.dataset()).classNames;
            case MNIST_10K -> Mnist10kData.CLASSES;
            case IMAGE_FOLDER -> ImageFolder.scan("data.path", cfg.path()).classes();
        };
    }

    public static DataSplits open(DataConfig cfg, long seed, DataPlaces places) {
        return switch (cfg.dataset()) {
            case MNIST, FASHION_MNIST -> IdxData.open(IdxDataset.of(cfg.dataset()), cfg, seed, places);
            case MNIST_10K -> Mnist10kData.open(cfg, seed, places);
            case IMAGE_FOLDER -> ImageFolderData.open(cfg, seed);
        };
    }
}
