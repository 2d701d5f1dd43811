package dev.convlab.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Keras's deprocess_image, worked by hand. */
class DeprocessTest {

    @Test
    void centresScalesToStd01AndShiftsToMidGrey() {
        // mean 1.5, std sqrt(1.25) = 1.118034; (x - 1.5) / (1.118034 + 1e-5) * 0.1 + 0.5, times 255
        float[] got = Deprocess.keras(new double[] {0, 1, 2, 3});
        assertArrayEquals(new float[] {93.2885f, 116.0961f, 138.9039f, 161.7115f}, got, 1e-3f);
    }

    @Test
    void clipsToTheDisplayRange() {
        // one far outlier: mean 10, std 30; the outlier lands at 0.5 + 0.1 * 90 / 30 = 0.8, the rest at 0.4667
        double[] x = new double[10];
        x[0] = 100;
        float[] got = Deprocess.keras(x);
        assertArrayEquals(new float[] {0.8f * 255, 0.466667f * 255}, new float[] {got[0], got[1]}, 1e-2f);
        // +-1 among 98 zeros: std 0.141421, so +-1 lands at 0.5 +- 0.707: clipped to 1 and 0
        double[] wide = new double[100];
        wide[0] = -1;
        wide[99] = 1;
        float[] clipped = Deprocess.keras(wide);
        assertArrayEquals(new float[] {0f, 127.5f, 255f}, new float[] {clipped[0], clipped[1], clipped[99]}, 1e-3f);
    }
}
