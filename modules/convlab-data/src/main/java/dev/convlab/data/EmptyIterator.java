package dev.convlab.data;

import org.nd4j.linalg.dataset.DataSet;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The iterator of a split that has no examples (validation_split 0, and so no validation or test data for an image
 * folder without validation_path/test_path). DataVec's readers refuse an empty file list, hence this class.
 */
final class EmptyIterator extends BaseExampleIterator {
    private static final long serialVersionUID = 1L;
    private final int inputColumns;

    EmptyIterator(int inputColumns, List<String> classes, int batch) {
        super(classes, batch);
        this.inputColumns = inputColumns;
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
    public boolean hasNext() {
        return false;
    }

    @Override
    public int inputColumns() {
        return inputColumns;
    }



    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
    }




}
