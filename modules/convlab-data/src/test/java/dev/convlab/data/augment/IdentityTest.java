package dev.convlab.data.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.convlab.config.AugmentationConfig;
import dev.convlab.config.FillMode;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The neutral parameters change nothing, bit for bit, and flipping twice undoes a flip. */
class IdentityTest {
    static final int C = 3;
    static final int H = 10;
    static final int W = 7;
    final float[] image = KerasParityTest.TestImages.noisyGradient(C, H, W, 11);

    @ParameterizedTest
    @EnumSource(FillMode.class)
    void rotationZeroShiftZeroZoomOneAreTheIdentity(FillMode mode) {
        assertArrayEquals(image, KerasOps.apply(image, C, H, W, KerasTransform.IDENTITY, mode, 99));
        assertArrayEquals(image, KerasOps.apply(image, C, H, W,
                new KerasTransform(0.0, 0.0, -0.0, 0.0, 1.0, 1.0, false, false, null, null), mode, 99));
    }

    /**
     * A full turn resamples (Keras resamples whenever theta is not 0) and lands within rounding of every pixel.
     * Only for the fill rules without jumps: sin(2 pi) is -2.4e-16, so edge pixels sample a hair outside, where
     * constant and wrap take the fill, in Keras as here.
     */
    @ParameterizedTest
    @EnumSource(value = FillMode.class, names = {"NEAREST", "REFLECT"})
    void fullTurnIsTheIdentityWithinRounding(FillMode mode) {
        float[] turned = KerasOps.apply(image, C, H, W, new KerasTransform(360, 0, 0, 0, 1, 1, false, false, null,
                null), mode, 99);
        assertArrayEquals(image, turned, 1e-3f);
    }

    @Test
    void flippingTwiceIsTheIdentity() {
        KerasTransform both = new KerasTransform(0, 0, 0, 0, 1, 1, true, true, null, null);
        KerasTransform horizontal = new KerasTransform(0, 0, 0, 0, 1, 1, true, false, null, null);
        KerasTransform vertical = new KerasTransform(0, 0, 0, 0, 1, 1, false, true, null, null);
        for (KerasTransform t : new KerasTransform[] {both, horizontal, vertical}) {
            float[] once = KerasOps.apply(image, C, H, W, t, FillMode.NEAREST, 0);
            assertArrayEquals(image, KerasOps.apply(once, C, H, W, t, FillMode.NEAREST, 0), t.toString());
        }
        // and a flip moves pixels as it should: column c goes to W - 1 - c, row r to H - 1 - r
        float[] flipped = KerasOps.apply(image, C, H, W, both, FillMode.NEAREST, 0);
        for (int ch = 0; ch < C; ch++) {
            for (int r = 0; r < H; r++) {
                for (int c = 0; c < W; c++) {
                    assertArrayEquals(new float[] {image[(ch * H + r) * W + c]},
                            new float[] {flipped[(ch * H + H - 1 - r) * W + W - 1 - c]});
                }
            }
        }
    }

    @Test
    void anAugmenterWithNothingToDoReturnsTheImage() {
        Augmenter none = new Augmenter(AugmentationConfig.none());
        assertArrayEquals(image, none.augment(image, C, H, W, new Random(1)));
    }
}
