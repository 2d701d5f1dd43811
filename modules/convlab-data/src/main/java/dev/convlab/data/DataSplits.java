package dev.convlab.data;

import dev.convlab.config.ImageShape;

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
 */
public record DataSplits(ExampleIterator train, ExampleIterator validation, ExampleIterator test,
                         List<String> classNames, ImageShape inputShape,
                         int trainCount, int validationCount, int testCount,
                         String fingerprint, String description) {

    public DataSplits {
        classNames = List.copyOf(classNames);
    }

    public int numClasses() {
        return classNames.size();
    }
}
