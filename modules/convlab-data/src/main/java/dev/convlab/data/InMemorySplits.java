package dev.convlab.data;

import dev.convlab.config.DataConfig;

import java.util.List;

/** Turns a training pool and a test set held in memory into the three iterators of a {@link DataSplits}. */
final class InMemorySplits {

    /**
     * @param origin    where the data came from, for the description
     * @param poolName  what the training pool is called ("training images")
     * @param testName  what the test set is ("the dataset's test set")
     */
    record Source(ByteImages trainPool, ByteImages testPool, List<String> classes, String fingerprint,
                  String origin, String poolName, String testName) {
    }

    private InMemorySplits() {
    }

    /** @param fold the cross-validation fold that is the validation data, or null for validation_split */
    static DataSplits build(Source all, DataConfig cfg, long seed, Fold fold) {
        Source source = ClassSubset.of(all, cfg.classes());
        Holdout holdout = Holdout.split(source.trainPool().labelIndices(), cfg.maxTrainSamples(),
                cfg.validationSplit(), fold, seed);
        int[] test = Holdout.testSubset(source.testPool().labelIndices(), cfg.maxTestSamples());
        ExampleIterator train = iterator(source.trainPool(), new ShuffleOrder(holdout.train(), cfg.shuffle(), seed), source, cfg);
        ExampleIterator validation = iterator(source.trainPool(), ShuffleOrder.fixed(holdout.validation()), source, cfg);
        ExampleIterator testIterator = iterator(source.testPool(), ShuffleOrder.fixed(test), source, cfg);
        String description = source.origin() + "; "
                + Description.trainingAndHoldout(holdout, cfg, source.poolName()) + "; "
                + Description.test(test.length, source.testPool().count(), source.testName()) + ".";
        return new DataSplits(train, validation, testIterator, source.classes(), source.trainPool().shape(),
                holdout.train().length, holdout.validation().length, test.length, source.fingerprint(), description);
    }

    private static ExampleIterator iterator(ByteImages images, ShuffleOrder order, Source source, DataConfig cfg) {
        if (order.size() == 0) {
            return new EmptyIterator(images.pixelsPerImage(), source.classes(), cfg.batchSize());
        }
        return new InMemoryIterator(images, order, cfg.batchSize(), cfg.rescale(), source.classes());
    }
}
