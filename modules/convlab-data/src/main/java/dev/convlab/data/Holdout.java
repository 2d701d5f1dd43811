package dev.convlab.data;

import dev.convlab.config.ConfigProblem;

import java.util.Arrays;

/**
 * Which examples of a training pool are trained on and which are held out for validation.
 *
 * <p>One seeded permutation of the pool decides both: its first {@code max_train_samples} entries are the images
 * used at all, and of those the first {@code round(n * validation_split)} are held out. Keras takes the last
 * fraction instead, which is only fair when the data are already shuffled; the idx and npm files are not always.
 * Both index lists come back sorted, so without shuffling a split is served in file order.
 */
record Holdout(int[] train, int[] validation, int used, int available) {

    static Holdout split(int available, Integer maxTrainSamples, double validationSplit, long seed) {
        int[] permutation = Seeds.permutation(available, Seeds.derive(seed, Seeds.HOLDOUT));
        int used = maxTrainSamples == null ? available : Math.min(maxTrainSamples, available);
        int held = (int) Math.round(used * validationSplit);
        int[] validation = sorted(Arrays.copyOfRange(permutation, 0, held));
        int[] train = sorted(Arrays.copyOfRange(permutation, held, used));
        if (train.length == 0) {
            throw new ConfigProblem("data.validation_split",
                    "validation_split " + validationSplit + " of " + used + " images leaves none to train on",
                    "lower validation_split or use more images");
        }
        return new Holdout(train, validation, used, available);
    }

    /**
     * The test images used when {@code max_test_samples} caps them: a random subset from a constant seed (so every
     * run is scored on the same images), in file order.
     */
    static int[] testSubset(int available, Integer maxTestSamples) {
        if (maxTestSamples == null || maxTestSamples >= available) {
            return identity(available);
        }
        int[] permutation = Seeds.permutation(available, Seeds.derive(0, Seeds.TEST_SUBSET));
        return sorted(Arrays.copyOfRange(permutation, 0, maxTestSamples));
    }

    static int[] identity(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    private static int[] sorted(int[] values) {
        Arrays.sort(values);
        return values;
    }
}
