package dev.convlab.data;

import dev.convlab.config.ImageShape;

/**
 * Images held in memory as raw 0..255 bytes, CHW per image, with one class index per image. Bytes, not floats:
 * Fashion-MNIST's 60,000 training images take 47 MB this way instead of 188 MB.
 */
record ByteImages(byte[] pixels, byte[] labels, ImageShape shape) {

    ByteImages {
        if ((long) labels.length * pixelsPerImage(shape) != pixels.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + pixels.length + " pixel bytes for "
                    + shape + " images");
        }
    }

    int count() {
        return labels.length;
    }

    int pixelsPerImage() {
        return pixelsPerImage(shape);
    }

    int label(int index) {
        return labels[index] & 0xFF;
    }

    /** The class index of every image. */
    int[] labelIndices() {
        int[] indices = new int[labels.length];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = labels[i] & 0xFF;
        }
        return indices;
    }

    private static int pixelsPerImage(ImageShape shape) {
        return shape.height() * shape.width() * shape.channels();
    }
}
