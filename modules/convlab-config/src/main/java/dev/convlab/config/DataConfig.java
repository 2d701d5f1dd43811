package dev.convlab.config;

import dev.convlab.config.augment.ColorConversion;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.Optional;

/** Where the images come from and how they are batched. */
public record DataConfig(
        @Doc("which dataset to read") DatasetKind dataset,
        @Doc("image-folder: the training folder (one subfolder per class); idx datasets: a folder holding the idx files, searched before the default places")
        @Optional String path,
        @Doc("image-folder: a folder of validation images laid out like path (otherwise validation_split of path is held out)")
        @Optional String validationPath,
        @Doc("image-folder: a folder of test images laid out like path (otherwise the validation data is also the test data)")
        @Optional String testPath,
        @Doc("input image shape; the MNIST datasets are 28x28x1, image folders are resized to it")
        @Optional ImageShape image,
        @Doc("fraction of the training data held out for validation, as Keras's validation_split")
        @Default("0.1") double validationSplit,
        @Doc("images per training step") @Default("32") int batchSize,
        @Doc("shuffle the training data each epoch (seeded)") @Default("true") boolean shuffle,
        @Doc("factor applied to raw 0..255 pixel values, as Keras's rescale (default 1/255)")
        @Default("0.00392156862745098") double rescale,
        @Doc("Keras ImageDataGenerator options: random changes to training images, normalisation of every split")
        @Optional AugmentationConfig augmentation,
        @Doc("use at most this many training images (for quick runs); all when left out")
        @Optional Integer maxTrainSamples,
        @Doc("use at most this many test images (for quick runs); all when left out")
        @Optional Integer maxTestSamples,
        @Doc("image-folder: a CSV file of path,label rows (paths relative to the CSV) instead of class subfolders")
        @Optional String labelsCsv,
        @Doc("image-folder: what the pre-scan does with unreadable files (zero bytes, truncated, not an image)")
        @Default("fail") OnBadImage onBadImage,
        @Doc("image-folder: how images are resized to data.image") @Default("nearest") Interpolation interpolation,
        @Doc("MNIST datasets: keep only these classes, in this order, numbered from 0 (e.g. [5, 6, 7, 8, 9]); all when left out")
        @Optional java.util.List<String> classes) {

    public DataConfig {
        Checks.inRange("validation_split", validationSplit, 0.0, 1.0);
        Checks.positive("batch_size", batchSize);
        Checks.positive("rescale", rescale);
        if (maxTrainSamples != null) {
            Checks.positive("max_train_samples", maxTrainSamples);
        }
        if (maxTestSamples != null) {
            Checks.positive("max_test_samples", maxTestSamples);
        }
        classes = Checks.copy(classes);
        if (!classes.isEmpty()) {
            if (dataset == DatasetKind.IMAGE_FOLDER) {
                throw new InvalidValue("classes", "an image folder's classes are its subfolders",
                        "remove data.classes and point data.path at a folder holding only the classes wanted");
            }
            if (classes.size() < 2) {
                throw new InvalidValue("classes", classes + " keeps one class; a classifier needs two or more",
                        "list at least two classes");
            }
            if (new java.util.HashSet<>(classes).size() != classes.size()) {
                throw new InvalidValue("classes", classes + " lists a class twice", "list each class once");
            }
        }
        // the fields are not assigned yet here, so not inputShape()
        int channels = image != null ? image.channels() : 1;
        if (augmentation != null && channels != 3 && augmentation.datavec().stream()
                .anyMatch(t -> t instanceof ColorConversion)) {
            throw new InvalidValue("augmentation", "color_conversion needs colour images, these have 1 channel",
                    "remove it, or use data.image channels: 3");
        }
        if (dataset == DatasetKind.IMAGE_FOLDER) {
            if (path == null && labelsCsv == null) {
                throw new InvalidValue("path", "image-folder needs a path or a labels_csv",
                        "add data.path: the folder with one subfolder per class");
            }
            if (image == null) {
                throw new InvalidValue("image", "image-folder needs the image shape to resize to",
                        "add data.image: {height: 150, width: 150, channels: 3}");
            }
        } else {
            if (validationPath != null || testPath != null || labelsCsv != null) {
                throw new InvalidValue(validationPath != null ? "validation_path" : testPath != null ? "test_path"
                        : "labels_csv", "only image-folder takes separate folders or a labels CSV",
                        "remove it; " + dataset.name().toLowerCase().replace('_', '-') + " has its own test split");
            }
            if (image != null && (image.height() != 28 || image.width() != 28 || image.channels() != 1)) {
                throw new InvalidValue("image", image + " does not match the dataset's 28x28x1 images",
                        "remove data.image or set {height: 28, width: 28, channels: 1}");
            }
        }
    }

    /** The input shape the model sees. */
    public ImageShape inputShape() {
        return image != null ? image : new ImageShape(28, 28, 1);
    }
}
