package dev.convlab.model.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.Initializer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Samples of each initialiser against Keras's formulas, written out here independently. A convolution kernel of
 * DL4J shape [128, 64, 3, 3] has Keras fans fan_in = 3*3*64 = 576 and fan_out = 3*3*128 = 1152 (n = 73,728
 * values); DL4J's own fan-out for stride 2 (288) is passed in to show that it is not used.
 * Tolerances: the mean of n draws has standard error sigma/sqrt(n) (0.0037 sigma) and the standard deviation
 * about sigma/sqrt(2n) (0.0026 sigma); the checks allow 0.02 sigma, more than 5 standard errors.
 */
class InitializersTest {
    private static final long[] SHAPE = {128, 64, 3, 3};
    private static final double FAN_IN = 3 * 3 * 64;
    private static final double FAN_OUT = 3 * 3 * 128;
    private static final double DL4J_FAN_OUT_STRIDE_2 = FAN_OUT / 4;
    private static final double TOLERANCE = 0.02;

    @BeforeAll
    static void seed() {
        Nd4j.getRandom().setSeed(12345);
    }

    private static INDArray sample(Initializer init) {
        IWeightInit weightInit = Initializers.kernel(init);
        INDArray view = Nd4j.create(DataType.FLOAT, 1, SHAPE[0] * SHAPE[1] * SHAPE[2] * SHAPE[3]);
        INDArray w = weightInit.init(FAN_IN, DL4J_FAN_OUT_STRIDE_2, SHAPE, 'c', view);
        assertEquals(4, w.rank());
        return w;
    }

    private static void assertUniform(Initializer init, double limit) {
        INDArray w = sample(init);
        double sigma = limit / Math.sqrt(3);
        assertEquals(0.0, w.meanNumber().doubleValue(), TOLERANCE * sigma, init + " mean");
        assertEquals(sigma, w.stdNumber().doubleValue(), TOLERANCE * sigma, init + " std");
        assertTrue(w.maxNumber().doubleValue() <= limit && w.minNumber().doubleValue() >= -limit, init + " bounds");
        assertTrue(w.maxNumber().doubleValue() > 0.99 * limit && w.minNumber().doubleValue() < -0.99 * limit, init + " reach");
    }

    /** Keras's truncated normal keeps |x| within 2 * stddev, with stddev = sqrt(scale / fan) / 0.8796...; the
     *  truncation brings the spread back to sqrt(scale / fan). */
    private static void assertTruncatedNormal(Initializer init, double variance) {
        INDArray w = sample(init);
        double sigma = Math.sqrt(variance);
        double bound = 2 * sigma / 0.87962566103423978;
        assertEquals(0.0, w.meanNumber().doubleValue(), TOLERANCE * sigma, init + " mean");
        assertEquals(sigma, w.stdNumber().doubleValue(), TOLERANCE * sigma, init + " std");
        assertTrue(Math.abs(w.maxNumber().doubleValue()) <= bound * (1 + 1e-6)
                && Math.abs(w.minNumber().doubleValue()) <= bound * (1 + 1e-6), init + " truncated");
        assertTrue(w.maxNumber().doubleValue() > 0.98 * bound, init + " reaches the truncation");
    }

    @Test
    void uniformInitialisers() {
        assertUniform(Initializer.GLOROT_UNIFORM, Math.sqrt(6 / (FAN_IN + FAN_OUT)));
        assertUniform(Initializer.HE_UNIFORM, Math.sqrt(6 / FAN_IN));
        assertUniform(Initializer.LECUN_UNIFORM, Math.sqrt(3 / FAN_IN));
        assertUniform(Initializer.RANDOM_UNIFORM, 0.05);
    }

    @Test
    void truncatedNormalInitialisers() {
        assertTruncatedNormal(Initializer.GLOROT_NORMAL, 2 / (FAN_IN + FAN_OUT));
        assertTruncatedNormal(Initializer.HE_NORMAL, 2 / FAN_IN);
        assertTruncatedNormal(Initializer.LECUN_NORMAL, 1 / FAN_IN);
    }

    @Test
    void randomNormalIsNotTruncated() {
        INDArray w = sample(Initializer.RANDOM_NORMAL);
        assertEquals(0.0, w.meanNumber().doubleValue(), TOLERANCE * 0.05);
        assertEquals(0.05, w.stdNumber().doubleValue(), TOLERANCE * 0.05);
        // 73,728 normal draws: some lie beyond 2.5 sigma (expected ~0.6%), which truncation would forbid
        assertTrue(w.maxNumber().doubleValue() > 2.5 * 0.05);
    }

    @Test
    void constants() {
        assertEquals(0.0, sample(Initializer.ZEROS).maxNumber().doubleValue(), 0.0);
        assertEquals(1.0, sample(Initializer.ONES).minNumber().doubleValue(), 0.0);
    }

    /** A dense kernel of DL4J shape [nIn, nOut] = [784, 10]: Keras's fan_in 784, fan_out 10. */
    @Test
    void denseFans() {
        INDArray view = Nd4j.create(DataType.FLOAT, 1, 7840);
        INDArray w = KerasVarianceScaling.glorotUniform().init(784, 10, new long[] {784, 10}, 'f', view);
        double limit = Math.sqrt(6.0 / (784 + 10));
        assertTrue(w.maxNumber().doubleValue() <= limit && w.maxNumber().doubleValue() > 0.98 * limit);
    }
}
