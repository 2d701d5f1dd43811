package dev.convlab.data;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The iterator of a split that has no examples (validation_split 0, and so no validation or test data for an image
 * folder without validation_path/test_path). DataVec's readers refuse an empty file list, hence this class.
 */
final class EmptyIterator implements ExampleIterator {
    private static final long serialVersionUID = 1L;
    private final int inputColumns;
    private final List<String> classes;
    private final int batch;
    private DataSetPreProcessor preProcessor;

    EmptyIterator(int inputColumns, List<String> classes, int batch) {
        this.inputColumns = inputColumns;
        this.classes = List.copyOf(classes);
        this.batch = batch;
    }

    @Override
    public int numExamples() {
        return 0;
    }

    @Override
    public int epoch() {
        return 0;
    }

    @Override
    public void seekEpoch(int epoch) {
    }

    @Override
    public DataSet next(int num) {
        throw new NoSuchElementException("this split has no examples");
    }

    @Override
    public DataSet next() {
        return next(batch);
    }

    @Override
    public boolean hasNext() {
        return false;
    }

    @Override
    public int inputColumns() {
        return inputColumns;
    }

    @Override
    public int totalOutcomes() {
        return classes.size();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return classes;
    }
}
