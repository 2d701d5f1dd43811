package dev.convlab.train;

import dev.convlab.backend.FastPathNetwork;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.datasets.iterator.AsyncDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * One pass over the training data, then validation: the numbers Keras prints for an epoch. A pass can start part
 * way (a run resumed from a checkpoint taken inside an epoch) and calls a hook after every batch, where
 * checkpoints are saved every N batches and a stop signal is acted on.
 */
final class EpochLoop {
    private final MultiLayerNetwork net;
    private final Labels labels;
    private final Progress progress;
    private final boolean terminateOnNan;
    private final RunningAccuracy accuracy = new RunningAccuracy();
    private long iteration;
    private Partial partial = Partial.NONE;
    private int batchesDone;

    /** Called after each training batch, with the batch's number in the epoch (1-based). */
    interface BatchHook {
        void afterBatch(int epoch, int batch) throws java.io.IOException;
    }

    /** The running sums of an unfinished epoch: what its epoch line will be computed from. */
    record Partial(double lossSum, long seen, long correct, long accuracySeen, double seconds) {
        static final Partial NONE = new Partial(0, 0, 0, 0, 0);

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("loss_sum", lossSum);
            m.put("seen", seen);
            m.put("correct", correct);
            m.put("accuracy_seen", accuracySeen);
            m.put("seconds", seconds);
            return m;
        }

        static Partial fromMap(Map<String, Object> m) {
            return new Partial(((Number) m.get("loss_sum")).doubleValue(), ((Number) m.get("seen")).longValue(),
                    ((Number) m.get("correct")).longValue(), ((Number) m.get("accuracy_seen")).longValue(),
                    ((Number) m.get("seconds")).doubleValue());
        }
    }

    EpochLoop(MultiLayerNetwork net, Labels labels, Progress progress, boolean terminateOnNan, long iteration) {
        this.net = FastPathNetwork.apply(net);
        this.labels = labels;
        this.progress = progress;
        this.terminateOnNan = terminateOnNan;
        this.iteration = iteration;
        net.addListeners(accuracy);
    }

    /** A loop with nothing resumed that stops on a NaN loss. */
    EpochLoop(MultiLayerNetwork net, Labels labels, Progress progress) {
        this(net, labels, progress, true, 0);
    }

    /** A whole epoch from the start of the iterator's next pass, with no hook. */
    EpochResult run(int epoch, int epochs, DataSetIterator train, long trainExamples, DataSetIterator validation) {
        try {
            return run(epoch, epochs, train, trainExamples, validation, 0, Partial.NONE, (e, b) -> { });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Trains epoch {@code epoch} (1-based). With {@code skip > 0} the iterator must already stand after the
     * epoch's first {@code skip} batches and {@code from} holds their sums; otherwise the iterator is reset to
     * the epoch's start.
     */
    EpochResult run(int epoch, int epochs, DataSetIterator train, long trainExamples, DataSetIterator validation,
                    int skip, Partial from, BatchHook hook) throws java.io.IOException {
        long start = System.nanoTime() - (long) (from.seconds() * 1e9);
        accuracy.restore(from.correct(), from.accuracySeen());
        if (skip == 0) {
            train.reset();
        }
        // decode the next batches on another thread while this one trains
        // (not when a resumed pass is already over: AsyncDataSetIterator resets an exhausted iterator, which would
        // train a whole extra pass)
        DataSetIterator batches = train.asyncSupported() && train.hasNext() ? new AsyncDataSetIterator(train, 4) : train;
        double lossSum = from.lossSum();
        long seen = from.seen();
        batchesDone = skip;
        partial = from;
        try {
            while (batches.hasNext()) {
                DataSet batch = labels.adapt(batches.next());
                accuracy.nextBatch(batch.getLabels());
                net.fit(batch);
                iteration++;
                double loss = net.score();
                if (!Double.isFinite(loss) && terminateOnNan) {
                    throw new TrainingStopped("diverged: the loss became " + loss + " at epoch " + epoch + ", batch "
                            + (batchesDone + 1) + " (iteration " + iteration + ")", "diverged");
                }
                long n = batch.numExamples();
                lossSum += loss * n;
                seen += n;
                batchesDone++;
                double seconds = (System.nanoTime() - start) / 1e9;
                partial = new Partial(lossSum, seen, accuracy.correct(), accuracy.seen(), seconds);
                progress.step(epoch, epochs, seen, trainExamples, lossSum / seen, accuracy.value(), seconds);
                hook.afterBatch(epoch, batchesDone);
            }
        } finally {
            if (batches instanceof AsyncDataSetIterator async) {
                async.shutdown();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double valLoss = Double.NaN;
        double valAccuracy = Double.NaN;
        if (validation != null) {
            Metrics.Result val = Metrics.evaluate(net, validation, labels);
            valLoss = val.loss();
            valAccuracy = val.accuracy();
        }
        partial = Partial.NONE;
        batchesDone = 0;
        return new EpochResult(epoch, seen == 0 ? Double.NaN : lossSum / seen, accuracy.value(), valLoss, valAccuracy,
                learningRate(), seconds, seen);
    }

    long iteration() {
        return iteration;
    }

    /** The sums of the epoch in progress (zeros between epochs). */
    Partial partial() {
        return partial;
    }

    /** Batches of the epoch in progress already trained (0 between epochs). */
    int batchesDone() {
        return batchesDone;
    }

    double learningRate() {
        try {
            return net.getLearningRate(0) != null ? net.getLearningRate(0) : Double.NaN;
        } catch (RuntimeException e) {
            // layers without parameters have no learning rate; the first layer always has one in convlab's models
            return Double.NaN;
        }
    }
}
