package dev.convlab.data;

import dev.convlab.config.ImageShape;
import dev.convlab.data.augment.Augmenter;
import dev.convlab.data.augment.Standardizer;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * What one split's iterator does to decoded pixels (raw 0..255, NCHW floats) before serving them: augmentation
 * (training only), then Keras's standardize (rescale, samplewise, featurewise). An image's draws come from a
 * generator seeded by the run's seed, the pass and the example's index alone, so they do not depend on batch size,
 * order, thread or how often anything else drew; a resumed run sees the same images.
 */
final class PixelPipeline {
    /** The decoded pixels, untouched. */
    static final PixelPipeline RAW = rescaleOnly(1.0);

    private final Augmenter augmenter;
    private final long seed;
    private final Standardizer standardizer;

    /** @param augmenter null for none; {@code seed} is then unused */
    PixelPipeline(Augmenter augmenter, long seed, Standardizer standardizer) {
        this.augmenter = augmenter;
        this.seed = seed;
        this.standardizer = standardizer;
    }

    static PixelPipeline rescaleOnly(double rescale) {
        return new PixelPipeline(null, 0, new Standardizer(rescale, null, null));
    }

    boolean augments() {
        return augmenter != null;
    }

    /**
     * Transforms {@code n} images of {@code x} in place; {@code examples[i]} is image i's index in its split.
     * Augmented batches are spread over the common fork-join pool: each image's result is the same on any thread.
     */
    void apply(float[] x, int n, ImageShape shape, int[] examples, int epoch) {
        int size = shape.height() * shape.width() * shape.channels();
        IntStream images = IntStream.range(0, n);
        if (augmenter != null && n > 1) {
            images = images.parallel();
        }
        images.forEach(i -> {
            if (augmenter != null) {
                float[] one = new float[size];
                System.arraycopy(x, i * size, one, 0, size);
                System.arraycopy(augment(one, shape, epoch, examples[i]), 0, x, i * size, size);
            }
            standardizer.apply(x, i * size, shape.channels(), shape.height() * shape.width());
        });
    }

    /** The augmented copy of one raw image, exactly as {@link #apply} makes it in pass {@code epoch}. */
    float[] augment(float[] image, ImageShape shape, int epoch, int example) {
        if (augmenter == null) {
            return image.clone();
        }
        Random random = new Random(Seeds.derive(Seeds.derive(seed, epoch), example));
        return augmenter.augment(image, shape.channels(), shape.height(), shape.width(), random);
    }
}
