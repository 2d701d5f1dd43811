package dev.convlab.data;

import dev.convlab.config.DatasetKind;
import dev.convlab.config.ImageShape;
import dev.convlab.config.Interpolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * data.interpolation, on one-row grey images whose resized values are worked out by hand from each filter's
 * definition (pixel centres at x + 0.5, as OpenCV and PIL place them).
 */
class InterpolationTest {
    @TempDir
    Path dir;

    @Test
    void nearestTakesThePixelUnderEachCentre() throws IOException {
        // 4 -> 2: centres 0.5 * 2 = 1 and 1.5 * 2 = 3 land in pixels 1 and 3 (PIL's nearest, Keras's default)
        assertArrayEquals(new double[] {100, 40}, resize(new int[] {0, 100, 200, 40}, 2, Interpolation.NEAREST), 0);
        assertArrayEquals(new double[] {0, 0, 100, 100}, resize(new int[] {0, 100}, 4, Interpolation.NEAREST), 0);
    }

    @Test
    void bilinearWeighsTheTwoNearestPixels() throws IOException {
        // 2 -> 4: centres map to x = -0.25, 0.25, 0.75, 1.25 (edges clamped)
        assertArrayEquals(new double[] {0, 25, 75, 100}, resize(new int[] {0, 100}, 4, Interpolation.BILINEAR), 1);
    }

    @Test
    void areaAveragesTheCoveredPixels() throws IOException {
        // 6 -> 2: each output pixel covers three input pixels
        assertArrayEquals(new double[] {30, 100}, resize(new int[] {0, 90, 0, 30, 30, 240}, 2, Interpolation.AREA), 1);
        assertArrayEquals(new double[] {90, 30}, resize(new int[] {0, 90, 0, 30, 30, 240}, 2, Interpolation.BILINEAR), 1);
    }

    @Test
    void bicubicAndLanczosFollowTheirKernels() throws IOException {
        int[] step = {0, 100};
        assertArrayEquals(expected(step, 4, 2, InterpolationTest::cubic), resize(step, 4, Interpolation.BICUBIC), 1);
        assertArrayEquals(expected(step, 4, 4, InterpolationTest::lanczos4), resize(step, 4, Interpolation.LANCZOS), 1);
    }

    /** Through the whole image-folder path: the config's interpolation reaches DataVec's reader. */
    @Test
    void theConfigsInterpolationIsUsedByTheReader() throws IOException {
        Path root = dir.resolve("folder");
        Files.createDirectories(root.resolve("a"));
        row(new int[] {0, 100, 200, 40}, root.resolve("a/row.png"));
        for (Interpolation interpolation : new Interpolation[] {Interpolation.NEAREST, Interpolation.AREA}) {
            DataSplits splits = Datasets.open(TestConfigs.of(DatasetKind.IMAGE_FOLDER).path(root).image(1, 2, 1)
                    .split(0).rescale(1).interpolation(interpolation).build(), 1);
            INDArray x = splits.train().next().getFeatures();
            double[] expected = interpolation == Interpolation.NEAREST ? new double[] {100, 40} : new double[] {50, 120};
            assertArrayEquals(expected, new double[] {x.getFloat(0, 0, 0, 0), x.getFloat(0, 0, 0, 1)}, 1, interpolation.name());
        }
    }

    /** OpenCV's bicubic kernel (Keys, a = -0.75). */
    static double cubic(double x) {
        double a = -0.75;
        x = Math.abs(x);
        if (x <= 1) {
            return (a + 2) * x * x * x - (a + 3) * x * x + 1;
        }
        return x < 2 ? a * x * x * x - 5 * a * x * x + 8 * a * x - 4 * a : 0;
    }

    /** Lanczos with 4 lobes (8 taps): sinc(x) sinc(x / 4). */
    static double lanczos4(double x) {
        if (x == 0) {
            return 1;
        }
        if (Math.abs(x) >= 4) {
            return 0;
        }
        double px = Math.PI * x;
        return 4 * Math.sin(px) * Math.sin(px / 4) / (px * px);
    }

    /** Output pixel i samples source x = (i + 0.5) * scale - 0.5 with the kernel's taps, edges clamped, weights normalised, 8-bit saturated. */
    private static double[] expected(int[] src, int width, int radius, java.util.function.DoubleUnaryOperator kernel) {
        double scale = (double) src.length / width;
        double[] out = new double[width];
        for (int i = 0; i < width; i++) {
            double x = (i + 0.5) * scale - 0.5;
            int base = (int) Math.floor(x);
            double sum = 0;
            double weights = 0;
            for (int k = base - radius + 1; k <= base + radius; k++) {
                double w = kernel.applyAsDouble(x - k);
                sum += w * src[Math.max(0, Math.min(src.length - 1, k))];
                weights += w;
            }
            out[i] = Math.max(0, Math.min(255, Math.round(sum / weights)));
        }
        return out;
    }

    private double[] resize(int[] values, int width, Interpolation interpolation) throws IOException {
        Path file = dir.resolve(interpolation + "-" + values.length + "-" + width + ".png");
        row(values, file);
        INDArray x = ImageChannels.loader(new ImageShape(1, width, 1), interpolation).asMatrix(file.toFile());
        assertArrayEquals(new long[] {1, 1, 1, width}, x.shape());
        double[] out = new double[width];
        for (int i = 0; i < width; i++) {
            out[i] = x.getDouble(0, 0, 0, i);
        }
        return out;
    }

    private static void row(int[] values, Path file) throws IOException {
        BufferedImage image = new BufferedImage(values.length, 1, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < values.length; i++) {
            image.getRaster().setSample(i, 0, 0, values[i]);
        }
        assertEquals(true, ImageIO.write(image, "png", file.toFile()));
    }
}
