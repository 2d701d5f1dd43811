package dev.convlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.InvalidValue;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Each distribution draws within its bounds, with the shape its name promises. */
class DistributionTest {
    static final int N = 20_000;

    @Test
    void intIncludesBothEndsEquallyOften() {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < N; i++) {
            counts.merge((Integer) new Distribution.IntUniform(2, 6).draw(random), 1, Integer::sum);
        }
        assertEquals(List.of(2, 3, 4, 5, 6), List.copyOf(counts.keySet()));
        counts.values().forEach(c -> assertEquals(N / 5.0, c, N / 5.0 * 0.1));
        assertEquals(7, new Distribution.IntUniform(7, 7).draw(random));
    }

    @Test
    void logUniformIsUniformInTheLogarithm() {
        SplittableRandom random = new SplittableRandom(2);
        int belowOneThousandth = 0;
        for (int i = 0; i < N; i++) {
            double v = (Double) new Distribution.LogUniform(1.0e-4, 1.0e-1).draw(random);
            assertTrue(v >= 1.0e-4 && v < 1.0e-1, String.valueOf(v));
            if (v < 1.0e-3) {
                belowOneThousandth++;
            }
        }
        // [1e-4, 1e-3) is one of the three decades: a third of the draws, where a plain uniform would give 0.9%
        assertEquals(N / 3.0, belowOneThousandth, N * 0.02);
    }

    @Test
    void uniformStaysInItsInterval() {
        SplittableRandom random = new SplittableRandom(3);
        double sum = 0;
        for (int i = 0; i < N; i++) {
            double v = (Double) new Distribution.Uniform(0.0, 0.5).draw(random);
            assertTrue(v >= 0.0 && v < 0.5, String.valueOf(v));
            sum += v;
        }
        assertEquals(0.25, sum / N, 0.01);
    }

    @Test
    void choiceDrawsOnlyItsValuesEachAsOften() {
        SplittableRandom random = new SplittableRandom(4);
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < N; i++) {
            counts.merge((String) new Distribution.Choice(List.of("adam", "sgd")).draw(random), 1, Integer::sum);
        }
        assertEquals(List.of("adam", "sgd"), List.copyOf(counts.keySet()));
        assertEquals(N / 2.0, counts.get("adam"), N * 0.02);
    }

    @Test
    void boundsAreChecked() {
        assertThrows(InvalidValue.class, () -> new Distribution.Uniform(0.5, 0.5));
        assertThrows(InvalidValue.class, () -> new Distribution.LogUniform(0.0, 1.0));
        assertThrows(InvalidValue.class, () -> new Distribution.IntUniform(3, 2));
        assertThrows(InvalidValue.class, () -> new Distribution.Choice(List.of()));
        assertThrows(InvalidValue.class, () -> new Distribution.Choice(List.of(1, 1)));
    }
}
