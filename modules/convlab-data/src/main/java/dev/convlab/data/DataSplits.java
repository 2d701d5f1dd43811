package dev.convlab.data;

import dev.convlab.config.ImageShape;
import dev.convlab.data.augment.FeatureStats;

import java.util.List;

/**
 * The data of one run: three iterators (features NCHW float, labels one-hot), what the classes are called and what
 * the network sees, how many examples each split has, and where they came from.
 *
 * @param train           seeded, shuffled each pass when {@code shuffle} is on; see {@link ExampleIterator}
 * @param validation      held-out data for val_loss/val_accuracy; empty when {@code validationCount} is 0
 * @param test            the dataset's test set (for image folders without test_path, the validation data)
 * @param classNames      label index i is classNames.get(i)
 * @param inputShape      height, width, channels of one image
 * @param fingerprint     {@code sha256:...} of the source files (content for idx/JSON, listing for image folders)
 * @param description     one paragraph for people: source, how it was found, split sizes and how they were made
 * @param skipped         image-folder files the pre-scan found unreadable and left out ({@code on_bad_image: skip});
 *                        empty otherwise
 * @param featurewise     the training set's statistics that every split is normalised with
 *                        ({@code augmentation.featurewise_center/std_normalization}); null when not asked for. Save
 *                        them with the model: evaluation and prediction must use these, not their own data's
 */
public record DataSplits(ExampleIterator train, ExampleIterator validation, ExampleIterator test,
                         List<String> classNames, ImageShape inputShape,
                         int trainCount, int validationCount, int testCount,
                         String fingerprint, String description, List<BadImage> skipped,
                         FeatureStats featurewise) {

    public DataSplits {
        classNames = List.copyOf(classNames);
        skipped = List.copyOf(skipped);
    }

    /** Data without featurewise statistics. */
    public DataSplits(ExampleIterator train, ExampleIterator validation, ExampleIterator test,
                      List<String> classNames, ImageShape inputShape, int trainCount, int validationCount,
                      int testCount, String fingerprint, String description, List<BadImage> skipped) {
        this(train, validation, test, classNames, inputShape, trainCount, validationCount, testCount, fingerprint,
                description, skipped, null);
    }

    /** Data with nothing skipped. */
    public DataSplits(ExampleIterator train, ExampleIterator validation, ExampleIterator test,
                      List<String> classNames, ImageShape inputShape, int trainCount, int validationCount,
                      int testCount, String fingerprint, String description) {
        this(train, validation, test, classNames, inputShape, trainCount, validationCount, testCount, fingerprint,
                description, List.of());
    }

    /** The same data with its pixel pipelines' statistics and a note appended to the description. */
    DataSplits withPixels(FeatureStats stats, String note) {
        return new DataSplits(train, validation, test, classNames, inputShape, trainCount, validationCount, testCount,
                fingerprint, note.isEmpty() ? description : description + " " + note, skipped, stats);
    }

    public int numClasses() {
        return classNames.size();
    }
}
