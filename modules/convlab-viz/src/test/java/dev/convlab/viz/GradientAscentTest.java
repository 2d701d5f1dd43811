package dev.convlab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.data.Datasets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Gradient ascent on a network trained on real digits climbs: every filter ends up responding far more than at its
 * start and more than to any of 100 real test digits; every class score rises a long way and the image found is
 * classified as that class.
 */
class GradientAscentTest {
    @TempDir
    static Path out;
    static Visualizer viz;
    /** Per layer, per filter: the largest mean activation over the 100 test digits. */
    static List<INDArray> realMax;
    static INDArray realLogits;
    static INDArray realLabels;

    @BeforeAll
    static void train() {
        Models.Trained trained = Models.trained();
        viz = trained.visualizer(out);
        DataSetIterator test = Datasets.open(trained.config().data(), trained.config().seed()).test();
        INDArray x = test.next(100).getFeatures();
        List<INDArray> activations = trained.bundle().network().feedForward(x, false);
        realMax = viz.layers().convolutions().stream().map(c -> activations.get(c.index() + 1).mean(2, 3).max(0))
                .toList();
        realLogits = viz.gradientAt(viz.layers().outputIndex()).output(x);
        test.reset();
        realLabels = test.next(100).getLabels();
    }

    @Test
    void everyFilterRespondsFarMoreThanAtTheStartAndThanToAnyRealDigit() {
        for (int l = 0; l < viz.layers().convolutions().size(); l++) {
            ConvLayer layer = viz.layers().convolutions().get(l);
            for (int c = 0; c < layer.channels(); c++) {
                Visualizer.Filter f = viz.filter(layer, c, 1);
                GradientAscent.Result r = f.result();
                String what = layer.name() + " #" + c + (f.fromNoise() ? " (from noise)" : "") + ": "
                        + r.startValue() + " -> " + r.endValue() + ", real digits at most "
                        + realMax.get(l).getDouble(c);
                assertFalse(r.flatAtStart(), what);
                // from grey, a first-layer filter is linear in the input and starts well above zero: 2x is a long
                // way; from noise (where grey left the filter off) the start is near zero
                assertTrue(r.endValue() >= (f.fromNoise() ? 5 : 2) * r.startValue(), what);
                assertTrue(r.endValue() >= 2.5 * realMax.get(l).getDouble(c), what);
                double[] start = f.fromNoise() ? viz.space().noise(1) : viz.space().start(1);
                assertTrue(distance(r.image(), start) >= 20 * viz.space().unit(), what + ": the image changed");
            }
        }
    }

    @Test
    void everyClassScoreRisesAndTheImageIsClassifiedAsTheClass() {
        for (int k = 0; k < 10; k++) {
            GradientAscent.Result r = viz.classScore(k, 1);
            double bestReal = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < realLogits.size(0); i++) {
                if (realLabels.getDouble(i, k) == 1) {
                    bestReal = Math.max(bestReal, realLogits.getDouble(i, k));
                }
            }
            String what = "class " + k + ": " + r.startValue() + " -> " + r.endValue() + ", real " + k
                    + "s at most " + bestReal;
            assertTrue(r.endValue() >= r.startValue() + 5, what);
            assertTrue(r.endValue() > 0.5 * bestReal, what);
            INDArray p = Models.trained().bundle().network().output(viz.space().batch(r.image()), false);
            assertEquals(k, p.argMax(1).getInt(0), what + ": classified as " + p);
            assertTrue(distance(r.image(), viz.space().start(1)) >= 20 * viz.space().unit(), what);
        }
    }

    /** Root mean square difference. */
    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s / a.length);
    }
}
