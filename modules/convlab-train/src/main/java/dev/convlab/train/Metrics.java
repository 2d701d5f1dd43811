package dev.convlab.train;

import java.util.function.BiConsumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** Loss and accuracy of a network on a dataset, in inference mode (no dropout), as Keras's evaluate. */
public final class Metrics {
    private Metrics() {
    }

    public record Result(double loss, Evaluation evaluation, long examples) {
        public double accuracy() {
            return evaluation.accuracy();
        }
    }

    public static Result evaluate(MultiLayerNetwork net, DataSetIterator data, Labels labels) {
        return evaluate(net, data, labels, (batch, out) -> { });
    }

    /** The same, also handing each batch (labels adapted) and the network's outputs for it to {@code observer}. */
    static Result evaluate(MultiLayerNetwork net, DataSetIterator data, Labels labels,
                           BiConsumer<DataSet, INDArray> observer) {
        Evaluation evaluation = new Evaluation(labels.names(), 1);
        double lossSum = 0;
        long n = 0;
        data.reset();
        while (data.hasNext()) {
            DataSet batch = labels.adapt(data.next());
            INDArray out = net.output(batch.getFeatures(), false);
            evaluation.eval(batch.getLabels(), out);
            observer.accept(batch, out);
            long size = batch.numExamples();
            lossSum += net.score(batch, false) * size;
            n += size;
        }
        return new Result(n == 0 ? Double.NaN : lossSum / n, evaluation, n);
    }
}
