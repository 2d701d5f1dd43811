package dev.convlab.data;

import dev.convlab.config.BadInput;
import dev.convlab.config.DataConfig;
import dev.convlab.config.ImageShape;

import java.util.List;

/** MNIST and Fashion-MNIST: finds the idx files, reads and checks them, and hands them to {@link InMemorySplits}. */
final class IdxData {
    private static final ImageShape SHAPE = new ImageShape(28, 28, 1);

    private IdxData() {
    }

    static DataSplits open(IdxDataset dataset, DataConfig cfg, long seed, DataPlaces places, Fold fold) {
        return InMemorySplits.build(source(dataset, cfg.path(), places), cfg, seed, fold);
    }

    /** Finds and reads the four idx files: the training pool and the test set, in file order. */
    static InMemorySplits.Source source(IdxDataset dataset, String configuredPath, DataPlaces places) {
        IdxLocator.Located located = IdxLocator.locate(dataset, configuredPath, places);
        IdxFolder folder = located.folder();
        IdxFile trainImages = IdxFile.read(folder.file(IdxDataset.TRAIN_IMAGES), 3);
        IdxFile trainLabels = IdxFile.read(folder.file(IdxDataset.TRAIN_LABELS), 1);
        IdxFile testImages = IdxFile.read(folder.file(IdxDataset.TEST_IMAGES), 3);
        IdxFile testLabels = IdxFile.read(folder.file(IdxDataset.TEST_LABELS), 1);
        String fingerprint = Fingerprint.of(List.of(dataset.folder, trainImages.sha256(), trainLabels.sha256(),
                testImages.sha256(), testLabels.sha256()));
        return new InMemorySplits.Source(
                images(trainImages, trainLabels, dataset), images(testImages, testLabels, dataset),
                dataset.classNames, fingerprint,
                dataset.displayName + " idx files in " + folder.folder() + " (" + located.origin() + ")",
                "training images", "the dataset's test set");
    }

    /** Pairs an image file with its label file, checking that they fit each other and the 28x28 shape. */
    static ByteImages images(IdxFile images, IdxFile labels, IdxDataset dataset) {
        int[] dims = images.dims();
        if (dims[1] != SHAPE.height() || dims[2] != SHAPE.width()) {
            throw IdxFile.corrupt(images.file(), "holds " + dims[1] + "x" + dims[2] + " images; "
                    + dataset.displayName + " images are 28x28");
        }
        if (labels.dims()[0] != dims[0]) {
            throw new BadInput(labels.file().toString(), "has " + labels.dims()[0] + " labels but "
                    + images.file().getFileName() + " has " + dims[0] + " images",
                    "the two files come from different copies; replace both with a matching pair");
        }
        byte[] values = labels.data();
        for (int i = 0; i < values.length; i++) {
            int label = values[i] & 0xFF;
            if (label >= dataset.classNames.size()) {
                throw IdxFile.corrupt(labels.file(), "label " + label + " of image " + i + " is not a class 0.."
                        + (dataset.classNames.size() - 1));
            }
        }
        return new ByteImages(images.data(), values, SHAPE);
    }
}
