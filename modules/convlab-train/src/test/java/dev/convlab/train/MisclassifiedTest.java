package dev.convlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.backend.Backends;
import dev.convlab.config.BackendKind;
import dev.convlab.config.RunConfig;
import dev.convlab.config.yaml.ConfigLoader;
import dev.convlab.model.ModelFactory;
import dev.convlab.model.ModelPlan;
import dev.convlab.report.Example;
import java.util.List;
import java.util.stream.IntStream;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The misclassified images the report draws, from untrained networks (so most answers are wrong and the cap of 24
 * matters): their count agrees with DL4J's Evaluation, as evaluation.json's confusion matrix records it, for a
 * softmax output and for one sigmoid output; the pixels are shown as the user would see the image.
 */
class MisclassifiedTest {
    private static final List<String> DIGITS = IntStream.range(0, 10).mapToObj(Integer::toString).toList();

    @BeforeAll
    static void backend() {
        Backends.init(BackendKind.AUTO);
    }

    @Test
    void softmaxCountAgreesWithDl4jsEvaluationAndOnlyTheFirst24AreKept() {
        MultiLayerNetwork net = network("dense: {units: 10, activation: softmax}", "categorical_crossentropy", 10);
        DataSetIterator test = fixedTestSet(100, 10, 1);
        Labels labels = new Labels(DIGITS, false);
        Misclassified found = Misclassified.find(net, test, labels, new DisplayPixels(1 / 255.0, false), 24);
        assertSameAsEvaluation(found, Metrics.evaluate(net, test, labels), 10, 100);

        // the first 24 wrong ones in test order, each with its own pixels (not its batch's first image)
        DataSet all = new DataSet(Nd4j.concat(0, batches(test, true)), Nd4j.concat(0, batches(test, false)));
        float[][] out = net.output(all.getFeatures(), false).toFloatMatrix();
        float[][] truth = all.getLabels().toFloatMatrix();
        int k = 0;
        for (int i = 0; i < out.length && k < 24; i++) {
            int predicted = argMax(out[i]);
            if (predicted != argMax(truth[i])) {
                Example e = found.shown().get(k++);
                assertEquals(DIGITS.get(predicted), e.predictedLabel(), "wrong image " + k);
                assertEquals(DIGITS.get(argMax(truth[i])), e.trueLabel(), "wrong image " + k);
                assertEquals(out[i][predicted], e.confidence(), 1e-6, "wrong image " + k);
                assertArrayEquals(all.getFeatures().slice(i).dup().reshape(-1).toFloatVector(), e.pixels(),
                        "wrong image " + k);
            }
        }
        assertEquals(24, k);
    }

    private static INDArray[] batches(DataSetIterator it, boolean features) {
        List<INDArray> out = new java.util.ArrayList<>();
        it.reset();
        while (it.hasNext()) {
            DataSet b = it.next();
            out.add(features ? b.getFeatures() : b.getLabels());
        }
        return out.toArray(new INDArray[0]);
    }

    private static int argMax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            best = v[i] > v[best] ? i : best;
        }
        return best;
    }

    @Test
    void oneSigmoidOutputIsDecidedAtOneHalfAsDl4jDecides() {
        MultiLayerNetwork net = network("dense: {units: 1, activation: sigmoid}", "binary_crossentropy", 2);
        DataSetIterator test = fixedTestSet(90, 2, 2);
        Labels labels = new Labels(List.of("cat", "dog"), true);
        Misclassified found = Misclassified.find(net, test, labels, new DisplayPixels(1 / 255.0, false), 24);
        assertSameAsEvaluation(found, Metrics.evaluate(net, test, labels), 2, 90);
        for (Example e : found.shown()) {
            assertTrue(e.confidence() >= 0.5 && e.confidence() <= 1, "the predicted class's probability: " + e);
        }
    }

    private static void assertSameAsEvaluation(Misclassified found, Metrics.Result evaluation, int n, int total) {
        long wrong = 0;
        for (int actual = 0; actual < n; actual++) {
            for (int predicted = 0; predicted < n; predicted++) {
                wrong += actual == predicted ? 0 : evaluation.evaluation().getConfusionMatrix().getCount(actual,
                        predicted);
            }
        }
        assertTrue(wrong > 0, "an untrained network should get some wrong");
        assertEquals(total, found.total());
        assertEquals(wrong, found.wrong());
        assertEquals(Math.min(24, wrong), found.shown().size());
        for (Example e : found.shown()) {
            assertNotEquals(e.trueLabel(), e.predictedLabel());
            assertEquals(28 * 28, e.pixels().length);
        }
    }

    @Test
    void pixelsAreShownAsTheImageLooksNotAsTheNetworkSeesThem() {
        float[] raw = {0, 51, 102, 255};
        // rescale 1/255: the network's values are already the image's 0..1
        assertArrayEquals(new float[] {0, 0.2f, 0.4f, 1}, new DisplayPixels(1 / 255.0, false).show(
                new float[] {0, 0.2f, 0.4f, 1}), 1e-6f);
        // no rescale: 0..255 back to 0..1, so a dim image stays dim (not stretched to full contrast)
        assertArrayEquals(new float[] {0, 0.2f, 0.4f, 1}, new DisplayPixels(1, false).show(raw), 1e-6f);
        assertArrayEquals(new float[] {0, 0.1f}, new DisplayPixels(1, false).show(new float[] {0, 25.5f}), 1e-6f);
        // normalised: no brightness to go back to, so its own min..max
        assertArrayEquals(new float[] {0, 0.25f, 1}, new DisplayPixels(1 / 255.0, true).show(
                new float[] {-1.5f, -0.5f, 2.5f}), 1e-6f);
        assertArrayEquals(new float[] {0, 0}, new DisplayPixels(1 / 255.0, true).show(new float[] {3, 3}));
    }

    private static MultiLayerNetwork network(String output, String loss, int classes) {
        RunConfig config = ConfigLoader.load("""
                name: m
                seed: 3
                data: {dataset: mnist-10k}
                model:
                  layers:
                    - conv2d: {filters: 2, kernel_size: 3, activation: relu}
                    - flatten: {}
                    - OUTPUT
                training: {loss: LOSS}
                """.replace("OUTPUT", output).replace("LOSS", loss), "m.yaml", List.of()).config();
        ModelPlan plan = ModelFactory.plan(config, classes);
        return ModelFactory.network(ModelFactory.build(plan, config.training().optimizer(), config.seed()));
    }

    /** Seeded random 28x28 images, the same on every pass (as a test split is), labels cycling through the classes. */
    private static DataSetIterator fixedTestSet(int n, int classes, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray features = Nd4j.rand(DataType.FLOAT, n, 1, 28, 28);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, n, classes);
        for (int i = 0; i < n; i++) {
            labels.putScalar(i, (i * 7L) % classes, 1f);
        }
        return new ListDataSetIterator<>(new DataSet(features, labels).asList(), 16);
    }
}
