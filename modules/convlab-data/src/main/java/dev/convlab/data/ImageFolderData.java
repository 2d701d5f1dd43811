package dev.convlab.data;

import dev.convlab.config.DataConfig;
import dev.convlab.config.ImageShape;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * image-folder: training images from data.path; validation images from validation_path or else held out of
 * data.path (validation_split, seeded); test images from test_path or else the validation images.
 */
final class ImageFolderData {
    private ImageFolderData() {
    }

    static DataSplits open(DataConfig cfg, long seed) {
        ImageShape shape = cfg.inputShape();
        ImageFolder training = ImageFolder.scan("data.path", cfg.path());
        ImageFolder validationFolder = cfg.validationPath() == null ? null
                : ImageFolder.scan("data.validation_path", cfg.validationPath()).requireSameClasses(training);
        ImageFolder testFolder = cfg.testPath() == null ? null
                : ImageFolder.scan("data.test_path", cfg.testPath()).requireSameClasses(training);

        double validationSplit = validationFolder == null ? cfg.validationSplit() : 0.0;
        Holdout holdout = Holdout.split(training.files().size(), cfg.maxTrainSamples(), validationSplit, seed);
        LabeledFiles trainFiles = training.files().subset(holdout.train());
        LabeledFiles validationFiles = validationFolder == null
                ? training.files().subset(holdout.validation()) : validationFolder.files();
        LabeledFiles testPool = testFolder == null ? validationFiles : testFolder.files();
        int[] testIndices = Holdout.testSubset(testPool.size(), cfg.maxTestSamples());
        LabeledFiles testFiles = testPool.subset(testIndices);

        List<String> classes = training.classes();
        ExampleIterator train = iterator(trainFiles, new ShuffleOrder(Holdout.identity(trainFiles.size()), cfg.shuffle(), seed),
                shape, classes, cfg);
        ExampleIterator validation = iterator(validationFiles, ShuffleOrder.fixed(Holdout.identity(validationFiles.size())),
                shape, classes, cfg);
        ExampleIterator test = iterator(testFiles, ShuffleOrder.fixed(Holdout.identity(testFiles.size())), shape, classes, cfg);

        String description = describe(training, validationFolder, testFolder, holdout, validationFiles.size(),
                testFiles.size(), testPool.size(), cfg, seed);
        return new DataSplits(train, validation, test, classes, shape, trainFiles.size(), validationFiles.size(),
                testFiles.size(), fingerprint(training, validationFolder, testFolder), description);
    }

    private static String describe(ImageFolder training, ImageFolder validationFolder, ImageFolder testFolder,
                                   Holdout holdout, int validationCount, int testCount, int testPoolCount,
                                   DataConfig cfg, long seed) {
        ImageShape shape = cfg.inputShape();
        StringBuilder text = new StringBuilder("image folder " + training.root() + ": " + training.summary()
                + "; read with DataVec, resized to " + shape + (shape.channels() == 3 ? " (RGB)" : " (grey)") + "; ");
        if (validationFolder == null) {
            text.append(Description.trainingAndHoldout(holdout, cfg, seed, "images of data.path"));
        } else {
            text.append(Description.trainingOnly(holdout, "images of data.path"))
                    .append("; validation: ").append(Description.count(validationCount))
                    .append(" images from validation_path ").append(validationFolder.root())
                    .append(" (validation_split is not used when validation_path is set)");
        }
        String testWhat = testFolder != null ? "test_path " + testFolder.root()
                : "the validation images, as no test_path is set";
        return text.append("; ").append(Description.test(testCount, testPoolCount, testWhat)).append('.').toString();
    }

    private static String fingerprint(ImageFolder training, ImageFolder validationFolder, ImageFolder testFolder) {
        List<String> listing = new ArrayList<>();
        listing.add("image-folder " + String.join("/", training.classes()));
        addListing(listing, "path", training);
        if (validationFolder != null) {
            addListing(listing, "validation_path", validationFolder);
        }
        if (testFolder != null) {
            addListing(listing, "test_path", testFolder);
        }
        return Fingerprint.of(listing);
    }

    private static ExampleIterator iterator(LabeledFiles files, ShuffleOrder order, ImageShape shape,
                                            List<String> classes, DataConfig cfg) {
        if (files.size() == 0) {
            return new EmptyIterator(shape.height() * shape.width() * shape.channels(), classes, cfg.batchSize());
        }
        return new ImageFolderIterator(files, order, shape, classes, cfg.batchSize(), cfg.rescale());
    }

    /** One line per file: which folder, class, path below the folder, size. Cheap: no file is opened. */
    private static void addListing(List<String> listing, String which, ImageFolder folder) {
        LabeledFiles files = folder.files();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.files().get(i);
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                size = -1;
            }
            listing.add(which + "\t" + files.labels()[i] + "\t" + folder.root().relativize(file) + "\t" + size);
        }
    }
}
