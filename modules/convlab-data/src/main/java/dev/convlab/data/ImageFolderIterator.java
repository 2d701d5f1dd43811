package dev.convlab.data;

import dev.convlab.config.BadInput;
import dev.convlab.config.ImageShape;
import org.datavec.image.loader.NativeImageLoader;
import org.datavec.image.recordreader.ImageRecordReader;
import org.deeplearning4j.datasets.datavec.RecordReaderDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One split of an image folder, read from disk batch by batch with DataVec's ImageRecordReader (decoded by
 * {@link ImageChannels}, resized to the config's shape) inside a RecordReaderDataSetIterator. This wrapper adds
 * what those lack: the rescale that a later setPreProcessor cannot replace, seeded passes, and an error that names
 * the image that could not be decoded instead of DataVec's bare RuntimeException.
 */
final class ImageFolderIterator extends BaseExampleIterator {
    private static final long serialVersionUID = 1L;
    private final LabeledFiles files;
    private final ShuffleOrder order;
    private final ImageShape shape;
    private final double rescale;
    private final ImageRecordReader reader;
    private final RecordReaderDataSetIterator batches;
    private int position;

    ImageFolderIterator(LabeledFiles files, ShuffleOrder order, ImageShape shape, List<String> classes,
                        int batchSize, double rescale) {
        super(classes, batchSize);
        this.files = files;
        this.order = order;
        this.shape = shape;
        this.rescale = rescale;
        this.reader = new ImageRecordReader(shape.height(), shape.width(), shape.channels(), new FileLabels(files),
                new ImageChannels(shape.channels()));
        try {
            reader.initialize(new OrderedFileSplit(files.files(), order));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Label column 1 (after the image), one-hot over all classes even if this split lacks some of them.
        this.batches = new RecordReaderDataSetIterator(reader, batchSize, 1, classes.size());
    }

    @Override
    public synchronized DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("pass " + order.epoch() + " is over; call reset()");
        }
        int n = Math.min(num, order.size() - position);
        DataSet batch;
        try {
            batch = batches.next(n);
        } catch (RuntimeException e) {
            throw unreadable(position, n, e);
        }
        position += n;
        if (rescale != 1.0) {
            batch.getFeatures().muli(rescale);
        }
        return finish(batch);
    }


    @Override
    public synchronized boolean hasNext() {
        return position < order.size();
    }

    @Override
    public synchronized void reset() {
        position = 0;
        reader.reset(); // moves the split to its next pass if this one was read from
        batches.reset();
    }

    @Override
    public synchronized void seekEpoch(int epoch) {
        order.seek(epoch);
        position = 0;
        reader.reset(); // the split's pass is already set, so this only restarts the reader's file iterator
        batches.reset();
    }

    @Override
    public int epoch() {
        return order.epoch();
    }

    @Override
    public int numExamples() {
        return order.size();
    }

    @Override
    public int inputColumns() {
        return shape.height() * shape.width() * shape.channels();
    }








    /** Decodes the batch's files one by one to find the culprit; only runs after a failure. */
    private RuntimeException unreadable(int from, int n, RuntimeException failure) {
        NativeImageLoader loader = ImageChannels.loader(shape);
        for (int i = from; i < from + n; i++) {
            Path file = files.files().get(order.at(i));
            try {
                loader.asMatrix(file.toFile());
            } catch (IOException | RuntimeException e) {
                return new BadInput(file.toString(), "cannot be read as an image: " + Downloader.reason(e),
                        "delete or replace the file; convlab reads " + String.join(", ", ImageFolder.FORMATS), failure);
            }
        }
        return failure;
    }
}
