package dev.convlab.train;

import dev.convlab.report.Example;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The test images a network gets wrong: how many of how many, and the first few with their pixels for the report.
 * Predictions are decided as DL4J's Evaluation decides them (so the count agrees with evaluation.json's confusion
 * matrix): the arg max of the outputs, or for one sigmoid output the second class when p &gt; 0.5.
 *
 * @param shown the first {@code limit} wrong ones, in test order
 * @param wrong how many test images were misclassified
 * @param total how many test images there were
 */
record Misclassified(List<Example> shown, long wrong, long total) {

    static Misclassified find(MultiLayerNetwork net, DataSetIterator test, Labels labels, DisplayPixels pixels,
                              int limit) {
        Collector collector = new Collector(labels, pixels, limit);
        test.reset();
        while (test.hasNext()) {
            DataSet batch = labels.adapt(test.next());
            collector.accept(batch, net.output(batch.getFeatures(), false));
        }
        test.reset();
        return collector.result();
    }

    /**
     * Gathers the misclassified images from batches and the network's outputs for them, so that the test evaluation
     * that computes those outputs anyway ({@link Metrics#evaluate}) finds them without a second pass. A failure is
     * kept for {@link #result()} rather than thrown into the evaluation: the report must never fail a run.
     */
    static final class Collector implements java.util.function.BiConsumer<DataSet, INDArray> {
        private final Labels labels;
        private final DisplayPixels pixels;
        private final int limit;
        private final List<Example> shown = new ArrayList<>();
        private long wrong;
        private long total;
        private RuntimeException failure;

        Collector(Labels labels, DisplayPixels pixels, int limit) {
            this.labels = labels;
            this.pixels = pixels;
            this.limit = limit;
        }

        /** One batch, labels already adapted, with the network's outputs for it. */
        @Override
        public void accept(DataSet batch, INDArray out) {
            if (failure != null) {
                return;
            }
            try {
                add(batch, out);
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        private void add(DataSet batch, INDArray out) {
            INDArray features = batch.getFeatures();
            if (features.rank() != 4) {
                throw new IllegalStateException("test images are not NCHW: features of shape "
                        + java.util.Arrays.toString(features.shape()));
            }
            Decisions d = Decisions.of(out, batch.getLabels());
            for (int i = 0; i < d.actual().length; i++) {
                total++;
                if (d.actual()[i] == d.predicted()[i]) {
                    continue;
                }
                wrong++;
                if (shown.size() < limit) {
                    shown.add(example(features, i, pixels, labels.names().get(d.actual()[i]),
                            labels.names().get(d.predicted()[i]), d.probability()[i]));
                }
            }
        }

        /** What was gathered; throws what went wrong while gathering. */
        Misclassified result() {
            if (failure != null) {
                throw failure;
            }
            return new Misclassified(List.copyOf(shown), wrong, total);
        }
    }

    private static Example example(INDArray features, int i, DisplayPixels pixels, String actual, String predicted,
                                   double probability) {
        // a view's data() is its whole batch's buffer: copy the one image out first
        float[] chw = features.slice(i).dup('c').reshape(-1).toFloatVector();
        return new Example(pixels.show(chw), (int) features.size(2), (int) features.size(3),
                (int) features.size(1), actual, predicted, probability);
    }

    /** Per example of a batch: true class, predicted class, and the probability given to the predicted class. */
    record Decisions(int[] actual, int[] predicted, double[] probability) {
        static Decisions of(INDArray out, INDArray labels) {
            int n = (int) out.size(0);
            int[] actual = new int[n];
            int[] predicted = new int[n];
            double[] probability = new double[n];
            if (out.size(1) == 1) {
                for (int i = 0; i < n; i++) {
                    double p = out.getDouble(i, 0);
                    actual[i] = labels.getDouble(i, 0) > 0.5 ? 1 : 0;
                    predicted[i] = p > 0.5 ? 1 : 0;
                    probability[i] = predicted[i] == 1 ? p : 1 - p;
                }
            } else {
                INDArray guess = Nd4j.argMax(out, 1);
                INDArray truth = Nd4j.argMax(labels, 1);
                for (int i = 0; i < n; i++) {
                    actual[i] = truth.getInt(i);
                    predicted[i] = guess.getInt(i);
                    probability[i] = out.getDouble(i, predicted[i]);
                }
            }
            return new Decisions(actual, predicted, probability);
        }
    }
}
