package dev.convlab.data;

import dev.convlab.config.DataConfig;
import dev.convlab.data.augment.FeatureStats;

import java.util.List;

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
     * Opens the data for one fold of a stratified k-fold cross-validation: the validation data is {@code fold} of
     * the training pool (after max_train_samples), validation_split is not used, and the test data is unchanged.
     * The folds of one seed partition the pool, so a sweep runs {@code new Fold(0, k)} to {@code new Fold(k-1, k)}.
     */
    public static DataSplits open(DataConfig cfg, long seed, Fold fold) {
        return open(cfg, seed, DataPlaces.fromEnvironment(), fold);
    }

    /**
     * The class names without decoding any image: fixed for the idx and npm datasets, the sorted class folders
     * (or labels) of an image folder. What {@code convlab check} needs to plan the output layer.
     *
     * @throws dev.convlab.config.ConfigProblem when the image folder is missing, has no class folders or an empty one
     */
    public static List<String> classNames(DataConfig cfg) {
        return switch (cfg.dataset()) {
            case MNIST, FASHION_MNIST -> subset(IdxDataset.of(cfg.dataset()).classNames, cfg.classes());
            case MNIST_10K -> subset(Mnist10kData.CLASSES, cfg.classes());
            case IMAGE_FOLDER -> {
                ImageFolder folder = ImageFolderData.trainingFolder(cfg);
                // under skip an empty class is kept (with no examples), as training keeps it
                yield (cfg.onBadImage() == dev.convlab.config.OnBadImage.FAIL ? folder.requireNoEmptyClasses() : folder)
                        .classes();
            }
        };
    }

    private static List<String> subset(List<String> all, List<String> wanted) {
        ClassSubset.mapping(all, wanted); // fails on a class the dataset does not have
        return wanted.isEmpty() ? all : wanted;
    }

    /**
     * Opens the data, looking for dataset files in {@code places}.
     *
     * @throws dev.convlab.config.BadInput (often its subclass ConfigProblem, naming the YAML key) when the data
     *                                     cannot be found or read; the message says where it looked and what to do
     */
    public static DataSplits open(DataConfig cfg, long seed, DataPlaces places) {
        return open(cfg, seed, places, null);
    }

    /** As {@link #open(DataConfig, long, DataPlaces)}, with {@code fold} (or null) as the validation data. */
    public static DataSplits open(DataConfig cfg, long seed, DataPlaces places, Fold fold) {
        return Pipelines.attach(decoded(cfg, seed, places, fold), cfg, seed, null);
    }

    /**
     * Opens the data to evaluate or apply a saved model: as {@link #open(DataConfig, long)}, but normalised with
     * {@code featurewise}, the statistics the model was trained with (null: computed from the training images).
     */
    public static DataSplits open(DataConfig cfg, long seed, FeatureStats featurewise) {
        return Pipelines.attach(decoded(cfg, seed, DataPlaces.fromEnvironment(), null), cfg, seed, featurewise);
    }

    /** The splits with rescale only: no augmentation, no normalisation yet. */
    static DataSplits decoded(DataConfig cfg, long seed, DataPlaces places, Fold fold) {
        return switch (cfg.dataset()) {
            case MNIST, FASHION_MNIST -> IdxData.open(IdxDataset.of(cfg.dataset()), cfg, seed, places, fold);
            case MNIST_10K -> Mnist10kData.open(cfg, seed, places, fold);
            case IMAGE_FOLDER -> ImageFolderData.open(cfg, seed, fold);
        };
    }
}
