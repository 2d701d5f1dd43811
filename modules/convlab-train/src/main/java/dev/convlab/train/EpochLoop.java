package dev.convlab.train;

import org.deeplearning4j.datasets.iterator.AsyncDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** One pass over the training data, then validation: the numbers Keras prints for an epoch. */
final class EpochLoop {
    private final MultiLayerNetwork net;
    private final Labels labels;
    private final Progress progress;
    private final RunningAccuracy accuracy = new RunningAccuracy();
    private long iteration;

    EpochLoop(MultiLayerNetwork net, Labels labels, Progress progress) {
        this.net = net;
        this.labels = labels;
        this.progress = progress;
        net.addListeners(accuracy);
    }

    EpochResult run(int epoch, int epochs, DataSetIterator train, long trainExamples, DataSetIterator validation) {
        long start = System.nanoTime();
        accuracy.reset();
        train.reset();
        // decode the next batches on another thread while this one trains
        DataSetIterator batches = train.asyncSupported() ? new AsyncDataSetIterator(train, 4) : train;
        double lossSum = 0;
        long seen = 0;
        try {
            while (batches.hasNext()) {
                DataSet batch = labels.adapt(batches.next());
                accuracy.nextBatch(batch.getLabels());
                net.fit(batch);
                iteration++;
                double loss = net.score();
                if (!Double.isFinite(loss)) {
                    throw new TrainingStopped("diverged: the loss became " + loss + " at epoch " + epoch
                            + ", iteration " + iteration + " (lower the learning rate)");
                }
                long n = batch.numExamples();
                lossSum += loss * n;
                seen += n;
                progress.step(epoch, epochs, seen, trainExamples, lossSum / seen, accuracy.value(),
                        (System.nanoTime() - start) / 1e9);
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
        return new EpochResult(epoch, seen == 0 ? Double.NaN : lossSum / seen, accuracy.value(), valLoss, valAccuracy,
                learningRate(), seconds, seen);
    }

    long iteration() {
        return iteration;
    }

    private double learningRate() {
        try {
            return net.getLearningRate(0) != null ? net.getLearningRate(0) : Double.NaN;
        } catch (RuntimeException e) {
            // layers without parameters have no learning rate; the first layer always has one in convlab's models
            return Double.NaN;
        }
    }
}
