package dev.convlab.data;

/**
 * One fold of a stratified k-fold cross-validation: the validation data is fold {@code index} of {@code count}
 * (see {@link StratifiedSplit#kFold}) instead of a validation_split holdout. Passed to
 * {@link Datasets#open(dev.convlab.config.DataConfig, long, Fold)}; the folds of one seed partition the training pool.
 *
 * @param index 0-based, less than count
 * @param count the k of k-fold, 2 or more
 */
public record Fold(int index, int count) {
    public Fold {
        if (count < 2) {
            throw new IllegalArgumentException("cross-validation needs 2 or more folds, got " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("fold index must be in [0, " + (count - 1) + "], got " + index);
        }
    }

    @Override
    public String toString() {
        return "fold " + (index + 1) + " of " + count;
    }
}
