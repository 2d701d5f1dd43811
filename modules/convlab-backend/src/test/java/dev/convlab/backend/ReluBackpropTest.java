package dev.convlab.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.convlab.backend.testing.SingleThreaded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link ReluBackprop} against DL4J's own ActivationReLU.backprop (libnd4j's relu_bp), and against the rule written
 * out by hand: the gradient is epsilon where z > 0 and zero elsewhere.
 */
@ExtendWith(SingleThreaded.class)
class ReluBackpropTest {
    private static final float[] SPECIAL = {0f, -0f, 1f, -1f, 1e-40f, -1e-40f, Float.MIN_VALUE, -Float.MIN_VALUE,
        Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};

    private static float[] dl4j(INDArray z, INDArray epsilon) {
        return new ActivationReLU().backprop(z.dup(), epsilon.dup()).getFirst().ravel().toFloatVector();
    }

    private static float[] fast(INDArray z, INDArray epsilon) {
        return ReluBackprop.INSTANCE.backprop(z.dup(), epsilon.dup()).getFirst().ravel().toFloatVector();
    }

    @Test
    void everyPairOfSpecialValuesAgreesWithReluBpWhereEpsilonIsFinite() {
        int n = SPECIAL.length;
        float[] zs = new float[n * n];
        float[] es = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                zs[i * n + j] = SPECIAL[i];
                es[i * n + j] = SPECIAL[j];
            }
        }
        INDArray z = Nd4j.create(zs);
        INDArray e = Nd4j.create(es);
        float[] reference = dl4j(z, e);
        float[] fast = fast(z, e);
        for (int k = 0; k < zs.length; k++) {
            String what = "z=" + zs[k] + " epsilon=" + es[k];
            float byHand = zs[k] > 0 ? es[k] : 0f;
            if (Float.isFinite(es[k]) || zs[k] > 0) {
                // as values: -0 == +0, NaN only where epsilon is NaN and passes through
                assertTrue(same(byHand, reference[k]), what + ": relu_bp gives " + reference[k]);
                assertTrue(same(reference[k], fast[k]), what + ": relu_bp " + reference[k] + ", fast " + fast[k]);
            } else {
                // the documented difference: a non-finite epsilon at a unit that is off
                assertEquals(0f, reference[k], what);
                assertTrue(Float.isNaN(fast[k]), what);
            }
        }
    }

    private static boolean same(float a, float b) {
        return a == b || Float.isNaN(a) && Float.isNaN(b);
    }

    @Test
    void randomConvolutionOutputsGiveTheSameValuesAndTheZerosDifferOnlyInSign() {
        Nd4j.getRandom().setSeed(3);
        INDArray z = Nd4j.randn(DataType.FLOAT, 4, 8, 13, 13);
        INDArray e = Nd4j.randn(DataType.FLOAT, 4, 8, 13, 13);
        float[] zs = z.ravel().toFloatVector();
        float[] es = e.ravel().toFloatVector();
        float[] reference = dl4j(z, e);
        float[] fast = fast(z, e);
        int passed = 0;
        for (int k = 0; k < zs.length; k++) {
            if (zs[k] > 0) {
                passed++;
                if (Float.floatToRawIntBits(fast[k]) != Float.floatToRawIntBits(es[k])
                        || Float.floatToRawIntBits(reference[k]) != Float.floatToRawIntBits(es[k])) {
                    fail("element " + k + ": an active unit passes epsilon through unchanged");
                }
            } else if (fast[k] != 0f || reference[k] != 0f) {
                fail("element " + k + ": an inactive unit gives zero, got " + fast[k] + " and " + reference[k]);
            }
        }
        assertTrue(passed > zs.length / 3 && passed < 2 * zs.length / 3, "about half the units are on: " + passed);
    }

    @Test
    void theInputIsLeftUntouched() {
        INDArray z = Nd4j.create(new float[] {-2f, 0f, 3f});
        INDArray before = z.dup();
        ReluBackprop.INSTANCE.backprop(z, Nd4j.create(new float[] {5f, 6f, 7f}));
        assertEquals(before, z);
    }

    @Test
    void onlyThePlainReluIsReplaced() {
        assertTrue(ReluBackprop.replaces(new ActivationReLU()));
        assertFalse(ReluBackprop.replaces(new ActivationReLU(6.0, null, null)), "ReLU6");
        assertFalse(ReluBackprop.replaces(new ActivationReLU(null, 0.5, null)), "thresholded");
        assertFalse(ReluBackprop.replaces(new ActivationReLU(null, null, 0.1)), "leaky");
        assertFalse(ReluBackprop.replaces(new ActivationLReLU()));
        assertFalse(ReluBackprop.replaces(ReluBackprop.INSTANCE), "not itself: it never sits in a configuration");
        assertFalse(ReluBackprop.replaces(null));
    }
}
