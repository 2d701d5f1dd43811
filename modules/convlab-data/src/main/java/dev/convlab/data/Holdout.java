package dev.convlab.data;

import dev.convlab.config.ConfigProblem;

/**
 * Which examples of a training pool are trained on and which are held out for validation, both stratified by class
 * and drawn from the seed (see {@link StratifiedSplit}).
 *
 * <p>First {@code max_train_samples}, when set, takes a stratified sample of the pool; then either
 * {@code round(n * validation_split)} of those are held out, each class in proportion and every class keeping a
 * training example where the pool allows it, or one fold of a k-fold split is. Keras takes the last fraction instead, which is only fair when
 * the data are already shuffled; the idx and npm files are not always. Both index lists are sorted, so without
 * shuffling a split is served in file order.
 *
 * @param how for people: "validation_split 0.1, stratified seeded split, seed 42"
 */
record Holdout(int[] train, int[] validation, int used, int available, String how) {

    /** A validation_split holdout ({@code fold} null) or one cross-validation fold. */
    static Holdout split(int[] labels, Integer maxTrainSamples, double validationSplit, Fold fold, long seed) {
        int available = labels.length;
        int[] used = maxTrainSamples == null || maxTrainSamples >= available ? identity(available)
                : StratifiedSplit.sample(labels, maxTrainSamples, seed);
        int[] usedLabels = pick(labels, used);
        StratifiedSplit.Split split;
        String how;
        if (fold != null) {
            if (fold.count() > used.length) {
                throw new ConfigProblem("data.max_train_samples", fold.count() + " folds of " + used.length
                        + " images leave some folds empty", "use fewer folds or more images");
            }
            split = StratifiedSplit.kFold(usedLabels, fold.count(), seed).get(fold.index());
            how = fold + ", stratified k-fold, seed " + seed;
        } else {
            split = StratifiedSplit.holdout(usedLabels, validationSplit, seed);
            how = "validation_split " + validationSplit + ", stratified seeded split, seed " + seed;
        }
        int[] train = pick(used, split.train());
        if (train.length == 0) {
            throw new ConfigProblem("data.validation_split", "validation_split " + validationSplit + " of "
                    + used.length + " images leaves none to train on", "lower validation_split or use more images");
        }
        return new Holdout(train, pick(used, split.validation()), used.length, available, how);
    }

    /** A holdout by validation_split (no cross-validation). */
    static Holdout split(int[] labels, Integer maxTrainSamples, double validationSplit, long seed) {
        return split(labels, maxTrainSamples, validationSplit, null, seed);
    }

    /**
     * The test images used when {@code max_test_samples} caps them: a stratified sample from a constant seed (so
     * every run is scored on the same images), in file order.
     */
    static int[] testSubset(int[] labels, Integer maxTestSamples) {
        if (maxTestSamples == null || maxTestSamples >= labels.length) {
            return identity(labels.length);
        }
        return StratifiedSplit.sample(labels, maxTestSamples, Seeds.TEST_SUBSET);
    }

    static int[] identity(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    /** values[indices[0]], values[indices[1]], ... */
    static int[] pick(int[] values, int[] indices) {
        int[] picked = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = values[indices[i]];
        }
        return picked;
    }
}
