package dev.convlab.data;

import dev.convlab.config.BadInput;
import dev.convlab.config.ImageShape;
import dev.convlab.config.Interpolation;
import org.datavec.image.loader.NativeImageLoader;
import org.datavec.image.recordreader.ImageRecordReader;
import org.deeplearning4j.datasets.datavec.RecordReaderDataSetIterator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One split of an image folder, read from disk batch by batch with DataVec's ImageRecordReader (decoded by
 * {@link ImageChannels}, resized to the config's shape with its interpolation) inside a RecordReaderDataSetIterator.
 * This wrapper adds what those lack: the {@link PixelPipeline} (rescale, augmentation, normalisation) that a later
 * setPreProcessor cannot replace, seeded passes, and an error that names
 * the image that could not be decoded instead of DataVec's bare RuntimeException.
 */
final class ImageFolderIterator extends OrderedIterator {
    private static final long serialVersionUID = 1L;
    private final LabeledFiles files;
    private final ImageShape shape;
    private final Interpolation interpolation;
    private final ImageRecordReader reader;
    private final RecordReaderDataSetIterator batches;

    ImageFolderIterator(LabeledFiles files, ShuffleOrder order, ImageShape shape, List<String> classes,
                        int batchSize, double rescale, Interpolation interpolation) {
        super(classes, batchSize, order);
        this.files = files;
        this.shape = shape;
        usePipeline(PixelPipeline.rescaleOnly(rescale));
        this.interpolation = interpolation;
        this.reader = new ImageRecordReader(shape.height(), shape.width(), shape.channels(), new FileLabels(files),
                new ImageChannels(shape, interpolation));
        try {
            reader.initialize(new OrderedFileSplit(files.files(), order));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Label column 1 (after the image), one-hot over all classes even if this split lacks some of them.
        this.batches = new RecordReaderDataSetIterator(reader, batchSize, 1, classes.size());
        // The first time it is used, RecordReaderDataSetIterator reads one record and resets its reader, which
        // moved the split on to pass 1 before anything was served (and pass k+1 after seekEpoch(k)). Let it do that
        // now (resetSupported() triggers it), then go back to the pass the order is in.
        int pass = order.epoch();
        try {
            batches.resetSupported();
        } catch (RuntimeException e) {
            throw unreadable(0, 1, e);
        }
        order.seek(pass);
        reader.reset();
    }

    @Override
    public synchronized DataSet next(int num) {
        int n = nextCount(num);
        DataSet batch;
        try {
            batch = batches.next(n);
        } catch (RuntimeException e) {
            throw unreadable(position, n, e);
        }
        int[] examples = new int[n];
        for (int i = 0; i < n; i++) {
            examples[i] = order.at(position + i);
        }
        position += n;
        // after decoding and resizing, so augmentation parameters are in the network's pixels
        INDArray features = batch.getFeatures();
        float[] x = features.castTo(DataType.FLOAT).dup('c').data().asFloat();
        pipeline().apply(x, n, shape, examples, order.epoch());
        batch.setFeatures(Nd4j.create(x, features.shape(), 'c'));
        return finish(batch);
    }

    @Override
    public synchronized void reset() {
        position = 0;
        reader.reset(); // moves the split to its next pass if this one was read from
        batches.reset();
    }

    @Override
    protected void restart() {
        reader.reset(); // the split's pass is already set, so this only restarts the reader's file iterator
        batches.reset();
    }

    @Override
    public int inputColumns() {
        return shape.height() * shape.width() * shape.channels();
    }

    /** Decodes the batch's files one by one to find the culprit; only runs after a failure. */
    private RuntimeException unreadable(int from, int n, RuntimeException failure) {
        NativeImageLoader loader = ImageChannels.loader(shape, interpolation);
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
