package dev.convlab.viz;

import java.util.Objects;

/**
 * One small image of a picture: CHW values in 0..255 (one channel grey, three RGB) and a caption under it.
 */
public record Tile(float[] pixels, int channels, int height, int width, String caption) {
    public Tile {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(caption, "caption");
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("a tile has 1 or 3 channels, not " + channels);
        }
        if ((long) channels * height * width != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " values do not make a " + channels + "x" + height
                    + "x" + width + " tile");
        }
    }

    /** A grey tile. */
    public static Tile grey(float[] pixels, int height, int width, String caption) {
        return new Tile(pixels, 1, height, width, caption);
    }
}
