package dev.convlab.data;

import java.util.List;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;

/** What every convlab iterator shares: class names, batch size, the optional preprocessor, DL4J's capability flags. */
abstract class BaseExampleIterator implements ExampleIterator {
    private static final long serialVersionUID = 1L;
    protected final List<String> classes;
    protected final int batchSize;
    private DataSetPreProcessor preProcessor;
    /** Set by the subclass's constructor (rescale only) and replaced by {@link Pipelines}; volatile for the prefetch thread. */
    private transient volatile PixelPipeline pipeline = PixelPipeline.RAW;

    BaseExampleIterator(List<String> classes, int batchSize) {
        this.classes = List.copyOf(classes);
        this.batchSize = batchSize;
    }

    /** Runs the user's preprocessor (after convlab's own rescale) on a finished batch. */
    protected DataSet finish(DataSet batch) {
        if (preProcessor != null) {
            preProcessor.preProcess(batch);
        }
        return batch;
    }

    /** What is done to decoded pixels before they are served. */
    final void usePipeline(PixelPipeline pipeline) {
        this.pipeline = pipeline;
    }

    final PixelPipeline pipeline() {
        return pipeline;
    }

    /** The index (in this split's examples) of the example at {@code position} of the current pass. */
    int exampleAt(int position) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no examples");
    }

    @Override
    public DataSet next() {
        return next(batchSize);
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
        return true;
    }

    @Override
    public int batch() {
        return batchSize;
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
