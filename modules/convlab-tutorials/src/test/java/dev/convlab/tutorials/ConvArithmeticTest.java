package dev.convlab.tutorials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The DL4J layers of walkthrough 1 against the tutorial's hand-worked numbers, in this JVM (no script). */
class ConvArithmeticTest {
    @BeforeAll
    static void doubles() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @Test
    void theTutorialsFeatureMap() {
        double[][] map = Matrices.of(Layers.convolve(ConvArithmetic.INPUT, ConvArithmetic.FILTER, 1, false, 0));
        assertArrayEquals(new double[][] {{4, 3, 4}, {2, 4, 3}, {2, 3, 4}}, map);
    }

    @Test
    void strideAndPaddingGiveTheFormulasSizes() {
        // floor((5 + 2p - 3)/s) + 1, worked by hand: (p, s) = (0, 1) -> 3, (1, 1) -> 5, (0, 2) -> 2, (1, 2) -> 3
        assertEquals(3, Matrices.of(Layers.convolve(ConvArithmetic.INPUT, ConvArithmetic.FILTER, 1, false, 0)).length);
        assertEquals(5, Matrices.of(Layers.convolve(ConvArithmetic.INPUT, ConvArithmetic.FILTER, 1, true, 0)).length);
        assertEquals(2, Matrices.of(Layers.convolve(ConvArithmetic.INPUT, ConvArithmetic.FILTER, 2, false, 0)).length);
        assertEquals(3, Matrices.of(Layers.convolve(ConvArithmetic.INPUT, ConvArithmetic.FILTER, 2, true, 0)).length);
        // explicit zero padding of 1 is what 'same' does for a 3x3 kernel
        assertArrayEquals(Matrices.of(Layers.convolve(ConvArithmetic.INPUT, ConvArithmetic.FILTER, 1, true, 0)),
                Matrices.of(Layers.convolve(ConvArithmetic.INPUT, ConvArithmetic.FILTER, 1, false, 1)));
        assertEquals(3, new OutputSize(5, 3, 0, 1).value());
        assertEquals(2, new OutputSize(5, 3, 0, 2).value());
        assertEquals(16, new OutputSize(32, 2, 0, 2).value());
    }

    @Test
    void poolingHalves32x32x10() {
        INDArray out = Layers.maxPool2x2(Nd4j.rand(DataType.DOUBLE, 1, 10, 32, 32));
        assertArrayEquals(new long[] {1, 10, 16, 16}, out.shape());
    }

    @Test
    void theFirstCellWrittenOut() {
        assertEquals("1*1 + 1*0 + 1*1 + 0*0 + 1*1 + 1*0 + 0*1 + 0*0 + 1*1 = 4",
                CrossCorrelation.worked(ConvArithmetic.INPUT, ConvArithmetic.FILTER, 0, 0));
    }
}
