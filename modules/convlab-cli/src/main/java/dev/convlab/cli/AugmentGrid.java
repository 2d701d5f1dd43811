package dev.convlab.cli;

import dev.convlab.config.ImageShape;
import dev.convlab.data.AugmentPreview;
import dev.convlab.data.augment.PixelImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The preview as one image: a row per training image, the original first, a wider gap, then its augmented copies.
 * Small images are enlarged by whole pixels (nearest) so that a 28x28 digit is visible; the background is mid
 * grey, so that black and white images both show their edges.
 */
final class AugmentGrid {
    static final int GAP = 2;
    static final int TARGET = 96;
    static final float BACKGROUND = 128;

    private AugmentGrid() {
    }

    static PixelImage of(AugmentPreview preview, int versions) {
        ImageShape shape = preview.shape();
        int scale = Math.max(1, TARGET / Math.max(shape.height(), shape.width()));
        int tileH = shape.height() * scale;
        int tileW = shape.width() * scale;
        int rows = preview.samples().size();
        int columns = 1 + versions;
        int height = rows * tileH + (rows + 1) * GAP;
        int width = columns * tileW + (columns + 1) * GAP + 2 * GAP;
        int channels = shape.channels();
        float[] pixels = new float[channels * height * width];
        java.util.Arrays.fill(pixels, BACKGROUND);
        for (int r = 0; r < rows; r++) {
            AugmentPreview.Sample sample = preview.samples().get(r);
            List<float[]> tiles = new ArrayList<>();
            tiles.add(sample.original());
            tiles.addAll(sample.augmented());
            for (int t = 0; t < tiles.size(); t++) {
                int top = GAP + r * (tileH + GAP);
                int left = GAP + t * (tileW + GAP) + (t > 0 ? 2 * GAP : 0);
                draw(pixels, channels, height, width, tiles.get(t), shape, scale, top, left);
            }
        }
        return new PixelImage(pixels, channels, height, width);
    }

    private static void draw(float[] target, int channels, int height, int width, float[] tile, ImageShape shape,
                             int scale, int top, int left) {
        int plane = shape.height() * shape.width();
        for (int ch = 0; ch < channels; ch++) {
            for (int y = 0; y < shape.height() * scale; y++) {
                for (int x = 0; x < shape.width() * scale; x++) {
                    float v = tile[ch * plane + (y / scale) * shape.width() + x / scale];
                    target[(ch * height + top + y) * width + left + x] = v;
                }
            }
        }
    }
}
