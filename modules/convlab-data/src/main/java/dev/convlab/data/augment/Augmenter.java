package dev.convlab.data.augment;

import dev.convlab.config.AugmentationConfig;
import dev.convlab.config.ShiftRange;
import dev.convlab.config.augment.DataVecTransform;
import dev.convlab.config.augment.OpProbabilities;
import java.util.Random;

/**
 * The random part of Keras's ImageDataGenerator for one config: {@code get_random_transform}'s draws, in Keras's
 * order and with its distributions, followed by the per-op probabilities; then DataVec's transforms and
 * {@link KerasOps#apply}. Immutable, so one instance serves every thread; the randomness comes only from the
 * {@link Random} a caller passes, which convlab seeds from the run's seed, the epoch and the example.
 */
public final class Augmenter {
    private final AugmentationConfig cfg;

    public Augmenter(AugmentationConfig cfg) {
        this.cfg = cfg;
    }

    public AugmentationConfig config() {
        return cfg;
    }

    /** One augmented copy of a CHW image of raw pixel values: DataVec's transforms, then Keras's ops. */
    public float[] augment(float[] image, int channels, int height, int width, Random random) {
        float[] x = image;
        for (DataVecTransform op : cfg.datavec()) {
            if (chance(random, op.probability())) {
                x = DataVecOps.apply(x, channels, height, width, op, random);
            }
        }
        return KerasOps.apply(x, channels, height, width, draw(random, height, width), cfg.fillMode(), cfg.cval());
    }

    /**
     * Keras's {@code get_random_transform(img_shape)} for an image of {@code height} x {@code width}: numpy's
     * {@code uniform(a, b)} is {@code a + (b - a) * random()}, {@code choice(n)} a whole number below n.
     */
    public KerasTransform draw(Random random, int height, int width) {
        double theta = cfg.rotationRange() != 0 ? uniform(random, -cfg.rotationRange(), cfg.rotationRange()) : 0;
        double tx = shift(random, cfg.heightShiftRange(), height);
        double ty = shift(random, cfg.widthShiftRange(), width);
        double shear = cfg.shearRange() != 0 ? uniform(random, -cfg.shearRange(), cfg.shearRange()) : 0;
        double zx = 1;
        double zy = 1;
        if (cfg.zoomRange().isActive()) {
            zx = uniform(random, cfg.zoomRange().lower(), cfg.zoomRange().upper());
            zy = uniform(random, cfg.zoomRange().lower(), cfg.zoomRange().upper());
        }
        OpProbabilities p = cfg.probability();
        boolean flipHorizontal = cfg.horizontalFlip() && random.nextDouble() < p.horizontalFlip();
        boolean flipVertical = cfg.verticalFlip() && random.nextDouble() < p.verticalFlip();
        Double channelShift = cfg.channelShiftRange() != 0
                ? uniform(random, -cfg.channelShiftRange(), cfg.channelShiftRange()) : null;
        Double brightness = cfg.brightnessRange().isEmpty() ? null
                : uniform(random, cfg.brightnessRange().get(0), cfg.brightnessRange().get(1));

        // beyond Keras: each op may be skipped; drawn after Keras's own draws so that these do not move them
        if (theta != 0 && !chance(random, p.rotation())) {
            theta = 0;
        }
        if (tx != 0 && !chance(random, p.heightShift())) {
            tx = 0;
        }
        if (ty != 0 && !chance(random, p.widthShift())) {
            ty = 0;
        }
        if (shear != 0 && !chance(random, p.shear())) {
            shear = 0;
        }
        if (cfg.zoomRange().isActive() && !chance(random, p.zoom())) {
            zx = 1;
            zy = 1;
        }
        if (channelShift != null && !chance(random, p.channelShift())) {
            channelShift = null;
        }
        if (brightness != null && !chance(random, p.brightness())) {
            brightness = null;
        }
        return new KerasTransform(theta, tx, ty, shear, zx, zy, flipHorizontal, flipVertical, channelShift,
                brightness);
    }

    /** Keras: a list or whole number draws a value and a sign; a number draws uniformly; fractions scale by size. */
    private static double shift(Random random, ShiftRange range, int size) {
        if (!range.isActive()) {
            return 0;
        }
        double value = switch (range.kind()) {
            case CHOICE -> range.values().get(random.nextInt(range.values().size())) * sign(random);
            case WHOLE -> random.nextInt((int) range.range()) * sign(random);
            case UNIFORM -> uniform(random, -range.range(), range.range());
        };
        return range.isFraction() ? value * size : value;
    }

    private static int sign(Random random) {
        return random.nextBoolean() ? 1 : -1;
    }

    private static double uniform(Random random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** Probability 1 draws nothing, so a config without probabilities draws exactly Keras's sequence. */
    private static boolean chance(Random random, double probability) {
        return probability >= 1 || random.nextDouble() < probability;
    }
}
