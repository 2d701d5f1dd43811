package dev.convlab.data.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.AugmentationConfig;
import dev.convlab.config.FillMode;
import dev.convlab.config.ShiftRange;
import dev.convlab.config.ZoomRange;
import dev.convlab.config.augment.ColorConversion;
import dev.convlab.config.augment.ColourSpace;
import dev.convlab.config.augment.Crop;
import dev.convlab.config.augment.DataVecTransform;
import dev.convlab.config.augment.EqualizeHistogram;
import dev.convlab.config.augment.OpProbabilities;
import dev.convlab.config.augment.Resize;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.datavec.image.data.ImageWritable;
import org.junit.jupiter.api.Test;

/** DataVec's transforms by name, and convlab's augmentation as a DataVec ImageTransform. */
class DataVecTransformsTest {
    static final int H = 12;
    static final int W = 10;

    @Test
    void colourConversionToBgrSwapsRedAndBlue() {
        float[] rgb = KerasParityTest.TestImages.noisyGradient(3, H, W, 2);
        float[] bgr = DataVecOps.apply(rgb, 3, H, W, new ColorConversion(ColourSpace.BGR, 1), new Random(1));
        int plane = H * W;
        for (int i = 0; i < plane; i++) {
            assertEquals(rgb[i], bgr[2 * plane + i]);
            assertEquals(rgb[plane + i], bgr[plane + i]);
            assertEquals(rgb[2 * plane + i], bgr[i]);
        }
    }

    @Test
    void histogramEqualisationSpreadsGreyLevelsOverTheFullRange() {
        float[] narrow = new float[H * W];
        for (int i = 0; i < narrow.length; i++) {
            narrow[i] = 100 + i % 20; // levels 100..119 only
        }
        float[] out = DataVecOps.apply(narrow, 1, H, W, new EqualizeHistogram(1), new Random(1));
        double min = 255;
        double max = 0;
        for (float v : out) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(min < 20 && max == 255, "equalised range [" + min + ", " + max + "]");
        // colour: the luma is equalised and the image comes back as RGB of the same size
        float[] colour = DataVecOps.apply(KerasParityTest.TestImages.noisyGradient(3, H, W, 4), 3, H, W,
                new EqualizeHistogram(1), new Random(1));
        assertEquals(3 * H * W, colour.length);
    }

    @Test
    void cropCutsAtMostTheGivenPixelsAndIsResizedBack() {
        float[] image = new float[H * W];
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                image[r * W + c] = 10 * r + c;
            }
        }
        boolean changed = false;
        for (int seed = 0; seed < 20; seed++) {
            float[] out = DataVecOps.apply(image, 1, H, W, new Crop(3, 0, 0, 0, 1), new Random(seed));
            assertEquals(H * W, out.length);
            // rows come from the top 0..3 cut, so the first row is at least row 0 and at most row 3 of the input
            assertTrue(out[0] >= 0 && out[0] <= 30, "first pixel " + out[0]);
            changed |= out[0] != 0;
        }
        assertTrue(changed, "some crop removed rows");
        float[] resized = DataVecOps.apply(image, 1, H, W, new Resize(4, 5, 1), new Random(1));
        assertEquals(H * W, resized.length);
        assertFalse(java.util.Arrays.equals(image, resized), "detail lost at 4x5");
    }

    /** The DataVec form gives what the float form gives, rounded to the Mat's 8 bits, from the Random passed. */
    @Test
    void theImageTransformAppliesTheSameAugmentationToAnOpenCvImage() {
        AugmentationConfig cfg = new AugmentationConfig(20, ShiftRange.uniform(0.1), ShiftRange.NONE, 5,
                new ZoomRange(0.9, 1.1), List.of(), 0, FillMode.REFLECT, 0, true, false, false, false, false, false,
                OpProbabilities.KERAS, List.<DataVecTransform>of());
        float[] image = KerasParityTest.TestImages.noisyGradient(3, H, W, 6);
        Mat mat = DataVecOps.toMat(image, 3, H, W);
        OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
        KerasImageTransform transform = new KerasImageTransform(cfg, 99);
        ImageWritable out = transform.transform(new ImageWritable(converter.convert(mat)), new Random(5));
        float[] actual = DataVecOps.fromMat(converter.convert(out.getFrame()), 3, H, W);
        float[] expected = new Augmenter(cfg).augment(image, 3, H, W, new Random(5));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Math.max(0, Math.min(255, Math.rint(expected[i]))), actual[i], 1e-6, "value " + i);
        }
        assertNotNull(transform.getCurrentImage());
        // without a Random of its own from DataVec, the transform's seeded one: same seed, same image
        ImageWritable a = new KerasImageTransform(cfg, 7).transform(new ImageWritable(converter.convert(mat)));
        ImageWritable b = new KerasImageTransform(cfg, 7).transform(new ImageWritable(converter.convert(mat)));
        assertArrayEquals(DataVecOps.fromMat(converter.convert(a.getFrame()), 3, H, W),
                DataVecOps.fromMat(converter.convert(b.getFrame()), 3, H, W));
    }
}
