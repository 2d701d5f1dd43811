package dev.convlab.model.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.convlab.config.optim.Adadelta;
import dev.convlab.config.optim.Adagrad;
import dev.convlab.config.optim.Adam;
import dev.convlab.config.optim.Adamax;
import dev.convlab.config.optim.Nadam;
import dev.convlab.config.optim.OptimizerSpec;
import dev.convlab.config.optim.RmsProp;
import dev.convlab.config.optim.Sgd;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

/** Each Keras optimizer's DL4J updater, stepped next to Keras's own update formulas. */
class OptimizersTest {
    /** Gradients of three steps for four parameters, including a tiny one where epsilon placement shows. */
    private static final double[][] GRADIENTS = {{0.5, -1.0, 2e-4, 3.0}, {0.3, -0.2, 1e-4, -3.0}, {-0.4, 0.9, 0.0, 0.1}};

    private static GradientUpdater<?> instantiate(IUpdater updater, int n) {
        long size = updater.stateSize(n);
        return updater.instantiate(size == 0 ? null : Nd4j.zeros(DataType.DOUBLE, 1, size), true);
    }

    /** The step DL4J subtracts from the parameters at each of the three steps. */
    private static double[][] dl4jSteps(IUpdater updater) {
        GradientUpdater<?> u = instantiate(updater, GRADIENTS[0].length);
        double[][] steps = new double[GRADIENTS.length][];
        for (int it = 0; it < GRADIENTS.length; it++) {
            INDArray g = Nd4j.create(GRADIENTS[it]);
            u.applyUpdater(g, it, 0); // DL4J's iteration count starts at 0
            steps[it] = g.toDoubleVector();
        }
        return steps;
    }

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of(new Sgd(0.01, 0.0, false), KerasReference.sgd(0.01, 0.0, false)),
                Arguments.of(new Sgd(0.01, 0.9, false), KerasReference.sgd(0.01, 0.9, false)),
                Arguments.of(new Sgd(0.01, 0.9, true), KerasReference.sgd(0.01, 0.9, true)),
                Arguments.of(new RmsProp(0.001, 0.9, 1e-7), KerasReference.rmsprop(0.001, 0.9, 1e-7)),
                Arguments.of(new Adagrad(0.001, 1e-7), KerasReference.adagrad(0.001, 0.1, 1e-7)),
                Arguments.of(new Adadelta(1.0, 0.95, 1e-7), KerasReference.adadelta(1.0, 0.95, 1e-7)),
                Arguments.of(new Adam(0.001, 0.9, 0.999, 1e-7, false), KerasReference.adam(0.001, 0.9, 0.999, 1e-7, false)),
                Arguments.of(new Adam(0.001, 0.9, 0.999, 1e-7, true), KerasReference.adam(0.001, 0.9, 0.999, 1e-7, true)),
                Arguments.of(new Adamax(0.001, 0.9, 0.999, 1e-7), KerasReference.adamax(0.001, 0.9, 0.999, 1e-7)),
                Arguments.of(new Nadam(0.001, 0.9, 0.999, 1e-7), KerasReference.nadam(0.001, 0.9, 0.999, 1e-7)));
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void stepsLikeKeras(OptimizerSpec spec, KerasReference keras) {
        double[][] dl4j = dl4jSteps(Optimizers.toUpdater(spec));
        for (int it = 0; it < GRADIENTS.length; it++) {
            double[] expected = keras.step(GRADIENTS[it], it + 1);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], dl4j[it][i], 1e-9 + 1e-7 * Math.abs(expected[i]),
                        spec + " step " + (it + 1) + " parameter " + i);
            }
        }
    }

    /** Heavy-ball momentum by hand: lr 0.1, momentum 0.9, gradients (1, -2) then (0.5, 0.5). */
    @Test
    void sgdMomentumByHand() {
        GradientUpdater<?> u = instantiate(Optimizers.toUpdater(new Sgd(0.1, 0.9, false)), 2);
        INDArray g = Nd4j.create(new double[] {1, -2});
        u.applyUpdater(g, 0, 0);
        // v1 = -0.1 * (1, -2) = (-0.1, 0.2); w += v1, so DL4J subtracts (0.1, -0.2)
        assertArrayEquals(new double[] {0.1, -0.2}, g.toDoubleVector(), 1e-12);
        g = Nd4j.create(new double[] {0.5, 0.5});
        u.applyUpdater(g, 1, 0);
        // v2 = 0.9 * (-0.1, 0.2) - 0.1 * (0.5, 0.5) = (-0.14, 0.13)
        assertArrayEquals(new double[] {0.14, -0.13}, g.toDoubleVector(), 1e-12);
    }

    @Test
    void mapsToTheExpectedUpdaters() {
        assertInstanceOf(org.nd4j.linalg.learning.config.Sgd.class, Optimizers.toUpdater(new Sgd(0.01, 0.0, false)));
        assertInstanceOf(SgdMomentum.class, Optimizers.toUpdater(new Sgd(0.01, 0.9, false)));
        Nesterovs nesterovs = (Nesterovs) Optimizers.toUpdater(new Sgd(0.01, 0.8, true));
        assertEquals(0.8, nesterovs.getMomentum());
        assertEquals(0.01, nesterovs.getLearningRate());
        org.nd4j.linalg.learning.config.Adam adam =
                (org.nd4j.linalg.learning.config.Adam) Optimizers.toUpdater(new Adam(0.002, 0.8, 0.99, 1e-7, false));
        assertEquals(0.002, adam.getLearningRate());
        assertEquals(0.8, adam.getBeta1());
        assertEquals(0.99, adam.getBeta2());
        assertEquals(1e-7, adam.getEpsilon()); // Keras's epsilon, not DL4J's 1e-8
        assertInstanceOf(AMSGrad.class, Optimizers.toUpdater(new Adam(0.001, 0.9, 0.999, 1e-7, true)));
        AdaDelta adadelta = (AdaDelta) Optimizers.toUpdater(new Adadelta(1.0, 0.95, 1e-7));
        assertEquals(0.95, adadelta.getRho());
        assertEquals(1e-7, adadelta.getEpsilon());
        assertInstanceOf(KerasRmsProp.class, Optimizers.toUpdater(new RmsProp(0.001, 0.9, 1e-7)));
        assertInstanceOf(KerasAdagrad.class, Optimizers.toUpdater(new Adagrad(0.001, 1e-7)));
        assertInstanceOf(KerasAdamax.class, Optimizers.toUpdater(new Adamax(0.001, 0.9, 0.999, 1e-7)));
        assertInstanceOf(KerasNadam.class, Optimizers.toUpdater(new Nadam(0.001, 0.9, 0.999, 1e-7)));
        assertEquals(2, Optimizers.stateArraysPerParam(new Nadam(0.001, 0.9, 0.999, 1e-7)));
    }

    @Test
    void learningRateCanBeChangedAsDl4jDoes() {
        KerasUpdater nadam = new KerasNadam(0.001, 0.9, 0.999, 1e-7);
        KerasUpdater copy = nadam.clone();
        assertEquals(nadam, copy);
        copy.setLrAndSchedule(0.01, null);
        assertEquals(0.01, copy.getLearningRate(5, 0));
        assertEquals(0.001, nadam.getLearningRate(5, 0));
        assertEquals(false, nadam.equals(copy));
    }
}
