package dev.convlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Nice ticks, worked out by hand, and ranges that stay usable for degenerate data. */
class AxisTest {
    @Test
    void accuracyFromEightyToNinetyTwoPercentGetsTicksEveryTwoPoints() {
        Axis a = Axis.of(0.795, 0.9194);
        assertEquals(0.02, a.step(), 1e-12);
        assertEquals(List.of("0.80", "0.82", "0.84", "0.86", "0.88", "0.90", "0.92"),
                a.ticks().stream().map(a::label).toList());
        assertTrue(a.min() < 0.795 && a.max() > 0.9194, "the data must sit inside the padded range");
    }

    @Test
    void lossTicksAreMultiplesOfTheStepWithoutDrift() {
        Axis a = Axis.of(0.2255, 0.57);
        assertEquals(0.05, a.step(), 1e-12);
        assertEquals(List.of("0.25", "0.30", "0.35", "0.40", "0.45", "0.50", "0.55"),
                a.ticks().stream().map(a::label).toList());
    }

    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(1, Axis.niceStep(1.2), 1e-12);
        assertEquals(2, Axis.niceStep(2.9), 1e-12);
        assertEquals(5, Axis.niceStep(4.0), 1e-12);
        assertEquals(10, Axis.niceStep(8.0), 1e-12);
        assertEquals(0.005, Axis.niceStep(0.0042), 1e-15);
        assertEquals(1, Axis.niceStep(0), 0);
        assertEquals(1, Axis.niceStep(Double.NaN), 0);
    }

    @Test
    void aConstantOrMissingSeriesStillHasARangeAndTicks() {
        for (Axis a : List.of(Axis.of(0.5, 0.5), Axis.of(0, 0), Axis.of(1e6, 1e6), Axis.of(Double.NaN, Double.NaN),
                Axis.of(Double.NEGATIVE_INFINITY, 3))) {
            assertTrue(a.max() > a.min(), a.toString());
            assertTrue(Double.isFinite(a.fraction(a.min())) && Double.isFinite(a.fraction(a.max())), a.toString());
            assertTrue(a.ticks().size() >= 2, a + " ticks " + a.ticks());
        }
        Axis a = Axis.of(0.5, 0.5);
        assertTrue(a.min() < 0.5 && a.max() > 0.5);
        assertEquals(0.5, a.fraction(0.5), 1e-12);
    }

    @Test
    void epochAxesHaveWholeTicksAndRoomAtTheEnds() {
        Axis one = Axis.epochs(1, 1);
        assertEquals(List.of("1"), one.ticks().stream().map(one::label).toList());
        assertEquals(0.5, one.fraction(1), 1e-12);
        Axis twelve = Axis.epochs(1, 12);
        assertEquals(12, twelve.ticks().size());
        assertEquals(0.5 / 12, twelve.fraction(1), 1e-12);
        Axis hundred = Axis.epochs(1, 100);
        assertEquals(10, hundred.step(), 0);
        assertEquals("10", hundred.label(hundred.ticks().get(0)));
    }

    @Test
    void countAxesStartAtZeroAndEndAtTheLargestCount() {
        Axis a = Axis.counts(982);
        assertEquals(0, a.min(), 0);
        assertEquals(982, a.max(), 0);
        assertEquals(List.of("0", "200", "400", "600", "800"), a.ticks().stream().map(a::label).toList());
        assertEquals(List.of("0", "1"), Axis.counts(0).ticks().stream().map(Axis.counts(0)::label).toList());
    }
}
