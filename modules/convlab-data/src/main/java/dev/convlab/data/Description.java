package dev.convlab.data;

import dev.convlab.config.DataConfig;

import java.util.Locale;

/** The sentences of {@link DataSplits#description()} that say how the splits were made. */
final class Description {
    private Description() {
    }

    /**
     * "training: 54,000 images; validation: 6,000 images held out of the 60,000 training images (validation_split
     * 0.1, stratified seeded split, seed 42)", with max_train_samples named when it cut the pool.
     */
    static String trainingAndHoldout(Holdout holdout, DataConfig cfg, String poolName) {
        boolean capped = holdout.used() < holdout.available();
        String pool = capped
                ? count(holdout.used()) + " of the " + count(holdout.available()) + " " + poolName
                : "the " + count(holdout.available()) + " " + poolName;
        String cap = capped ? "max_train_samples " + count(holdout.used()) + ", stratified seeded subset" : null;
        String text = "training: " + count(holdout.train().length) + " images";
        if (holdout.validation().length == 0) {
            return text + (capped ? " (" + cap + " of " + count(holdout.available()) + " " + poolName + ")" : "")
                    + "; validation: none held out (validation_split " + cfg.validationSplit() + ")";
        }
        return text + "; validation: " + count(holdout.validation().length) + " images held out of " + pool
                + " (" + (capped ? cap + "; " : "") + holdout.how() + ")";
    }

    /** "training: 12 images" (all of them, or the max_train_samples subset), when validation comes from elsewhere. */
    static String trainingOnly(Holdout holdout, String poolName) {
        String text = "training: " + count(holdout.train().length) + " images";
        return holdout.used() < holdout.available()
                ? text + " (max_train_samples, stratified seeded subset of " + count(holdout.available()) + " " + poolName + ")"
                : text;
    }

    /** "test: 10,000 images (the dataset's test set)" or "test: 500 of the 10,000 images of ... (max_test_samples)". */
    static String test(int used, int available, String what) {
        if (used == available) {
            return "test: " + count(used) + " images (" + what + ")";
        }
        return "test: " + count(used) + " of the " + count(available) + " images of " + what
                + " (max_test_samples, a stratified subset, the same for every seed)";
    }

    static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
