package dev.convlab.data;

import dev.convlab.config.ConfigProblem;
import dev.convlab.config.DataConfig;
import dev.convlab.config.ImageShape;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * image-folder: training images from data.path (class subfolders) or data.labels_csv; validation images from
 * validation_path or else held out of the training images (validation_split or a cross-validation fold, stratified
 * and seeded); test images from test_path or else the validation images. Every file is pre-scanned before any batch
 * is read (see {@link PreScan}).
 */
final class ImageFolderData {
    private ImageFolderData() {
    }

    /** The training folder the config names, listed but not decoded. */
    static ImageFolder trainingFolder(DataConfig cfg) {
        if (cfg.labelsCsv() == null) {
            return ImageFolder.scan("data.path", cfg.path());
        }
        if (cfg.path() != null) {
            throw new ConfigProblem("data.labels_csv", "both data.path and data.labels_csv name the training images",
                    "keep one: data.path for class subfolders, or data.labels_csv for path,label rows (paths relative to the CSV)");
        }
        return LabelsCsv.read("data.labels_csv", cfg.labelsCsv());
    }

    static DataSplits open(DataConfig cfg, long seed, Fold fold) {
        ImageShape shape = cfg.inputShape();
        ImageFolder training = trainingFolder(cfg);
        ImageFolder validationFolder = cfg.validationPath() == null ? null
                : ImageFolder.scan("data.validation_path", cfg.validationPath()).requireSameClasses(training);
        ImageFolder testFolder = cfg.testPath() == null ? null
                : ImageFolder.scan("data.test_path", cfg.testPath()).requireSameClasses(training);
        if (fold != null && validationFolder != null) {
            throw new ConfigProblem("data.validation_path", "cross-validation holds its folds out of the training images",
                    "remove data.validation_path for cross-validation");
        }

        List<ImageFolder> folders = new ArrayList<>(List.of(training));
        if (validationFolder != null) {
            folders.add(validationFolder);
        }
        if (testFolder != null) {
            folders.add(testFolder);
        }
        PreScan.Result scan = PreScan.run(folders, cfg.onBadImage());
        training = scan.folders().get(0);
        validationFolder = validationFolder == null ? null : scan.folders().get(1);
        testFolder = testFolder == null ? null : scan.folders().get(scan.folders().size() - 1);

        double validationSplit = validationFolder == null ? cfg.validationSplit() : 0.0;
        Holdout holdout = Holdout.split(training.files().labels(), cfg.maxTrainSamples(), validationSplit, fold, seed);
        LabeledFiles trainFiles = training.files().subset(holdout.train());
        LabeledFiles validationFiles = validationFolder == null
                ? training.files().subset(holdout.validation()) : validationFolder.files();
        LabeledFiles testPool = testFolder == null ? validationFiles : testFolder.files();
        int[] testIndices = Holdout.testSubset(testPool.labels(), cfg.maxTestSamples());
        LabeledFiles testFiles = testPool.subset(testIndices);

        List<String> classes = training.classes();
        ExampleIterator train = iterator(trainFiles, new ShuffleOrder(Holdout.identity(trainFiles.size()), cfg.shuffle(), seed),
                shape, classes, cfg);
        ExampleIterator validation = iterator(validationFiles, ShuffleOrder.fixed(Holdout.identity(validationFiles.size())),
                shape, classes, cfg);
        ExampleIterator test = iterator(testFiles, ShuffleOrder.fixed(Holdout.identity(testFiles.size())), shape, classes, cfg);

        String description = describe(training, validationFolder, testFolder, holdout, validationFiles.size(),
                testFiles.size(), testPool.size(), cfg, scan.skipped());
        return new DataSplits(train, validation, test, classes, shape, trainFiles.size(), validationFiles.size(),
                testFiles.size(), fingerprint(training, validationFolder, testFolder, scan.skipped()), description,
                scan.skipped());
    }

    private static String describe(ImageFolder training, ImageFolder validationFolder, ImageFolder testFolder,
                                   Holdout holdout, int validationCount, int testCount, int testPoolCount,
                                   DataConfig cfg, List<BadImage> skipped) {
        ImageShape shape = cfg.inputShape();
        String source = cfg.labelsCsv() != null ? "labels CSV " + Path.of(cfg.labelsCsv()).toAbsolutePath().normalize()
                : "image folder " + training.root();
        StringBuilder text = new StringBuilder(source + ": " + training.summary()
                + "; read with DataVec, resized to " + shape + (shape.channels() == 3 ? " (RGB, " : " (grey, ")
                + cfg.interpolation().name().toLowerCase(Locale.ROOT) + " interpolation); ");
        if (!skipped.isEmpty()) {
            text.append("skipped ").append(Description.count(skipped.size()))
                    .append(" unreadable files (on_bad_image: skip), e.g. ")
                    .append(String.join(", ", skipped.stream().limit(3).map(BadImage::toString).toList()))
                    .append("; ");
        }
        if (validationFolder == null) {
            text.append(Description.trainingAndHoldout(holdout, cfg, "training images"));
        } else {
            text.append(Description.trainingOnly(holdout, "training images"))
                    .append("; validation: ").append(Description.count(validationCount))
                    .append(" images from validation_path ").append(validationFolder.root())
                    .append(" (validation_split is not used when validation_path is set)");
        }
        String testWhat = testFolder != null ? "test_path " + testFolder.root()
                : "the validation images, as no test_path is set";
        return text.append("; ").append(Description.test(testCount, testPoolCount, testWhat)).append('.').toString();
    }

    private static String fingerprint(ImageFolder training, ImageFolder validationFolder, ImageFolder testFolder,
                                      List<BadImage> skipped) {
        List<String> listing = new ArrayList<>();
        listing.add("image-folder " + String.join("/", training.classes()));
        addListing(listing, "path", training);
        if (validationFolder != null) {
            addListing(listing, "validation_path", validationFolder);
        }
        if (testFolder != null) {
            addListing(listing, "test_path", testFolder);
        }
        for (BadImage bad : skipped) {
            listing.add("skipped\t" + bad.file());
        }
        return Fingerprint.of(listing);
    }

    private static ExampleIterator iterator(LabeledFiles files, ShuffleOrder order, ImageShape shape,
                                            List<String> classes, DataConfig cfg) {
        if (files.size() == 0) {
            return new EmptyIterator(shape.height() * shape.width() * shape.channels(), classes, cfg.batchSize());
        }
        return new ImageFolderIterator(files, order, shape, classes, cfg.batchSize(), cfg.rescale(), cfg.interpolation());
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
