package dev.convlab.train;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fixed number of batches of uniform random NCHW images with one-hot labels, made afresh in each {@code next()}
 * as a real iterator makes them (so they land in the prefetch thread's workspace, as real batches do).
 */
final class RandomBatches implements DataSetIterator {
    private static final long serialVersionUID = 1L;
    private final int batch;
    private final int channels;
    private final int height;
    private final int width;
    private final int classes;
    private final int batches;
    private int served;

    RandomBatches(int batch, int height, int width, int channels, int classes, int batches) {
        this.batch = batch;
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.classes = classes;
        this.batches = batches;
    }

    @Override
    public DataSet next(int num) {
        INDArray features = Nd4j.rand(DataType.FLOAT, num, channels, height, width);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, num, classes);
        for (int i = 0; i < num; i++) {
            labels.putScalar(i, (served * 7L + i) % classes, 1f);
        }
        served++;
        return new DataSet(features, labels);
    }

    @Override
    public DataSet next() {
        return next(batch);
    }

    @Override
    public boolean hasNext() {
        return served < batches;
    }

    @Override
    public int inputColumns() {
        return channels * height * width;
    }

    @Override
    public int totalOutcomes() {
        return classes;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return true;
    }

    @Override
    public void reset() {
        served = 0;
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        throw new UnsupportedOperationException("random batches take no preprocessor");
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return null;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }
}
