package dev.convlab.data;

import dev.convlab.config.AugmentationConfig;
import dev.convlab.config.DataConfig;
import dev.convlab.config.ImageShape;
import dev.convlab.data.augment.Augmenter;
import dev.convlab.data.augment.FeatureStats;
import dev.convlab.data.augment.Standardizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Gives each split of freshly opened data its {@link PixelPipeline}: the training split augments (when
 * data.augmentation has random ops) and all three normalise alike, with featurewise statistics of the training
 * images. Validation and test data are never augmented.
 */
final class Pipelines {
    private Pipelines() {
    }

    /** @param given featurewise statistics to use (a saved model's), or null to compute them from the training split */
    static DataSplits attach(DataSplits splits, DataConfig cfg, long seed, FeatureStats given) {
        AugmentationConfig a = cfg.augmentation();
        if (a == null || !a.isRandom() && !a.normalises()) {
            return splits; // the iterators already rescale
        }
        Standardizer plain = Standardizer.beforeFeaturewise(cfg.rescale(), a);
        FeatureStats stats = null;
        if (a.featurewise()) {
            stats = given != null ? given : fit(splits.train(), splits.inputShape(), plain);
            if (stats.channels() != splits.inputShape().channels()) {
                throw new IllegalArgumentException("featurewise statistics of " + stats.channels()
                        + " channels for " + splits.inputShape() + " images");
            }
        }
        Standardizer standardizer = new Standardizer(cfg.rescale(), a, stats);
        PixelPipeline evaluation = new PixelPipeline(null, 0, standardizer);
        PixelPipeline training = a.isRandom()
                ? new PixelPipeline(new Augmenter(a), Seeds.derive(seed, Seeds.AUGMENT), standardizer) : evaluation;
        use(splits.train(), training);
        use(splits.validation(), evaluation);
        use(splits.test(), evaluation);
        return splits.withPixels(stats, describe(a, stats));
    }

    /** The augmentation pipeline of the training split, for the preview; untouched pixels otherwise. */
    static PixelPipeline training(DataConfig cfg, long seed) {
        AugmentationConfig a = cfg.augmentation();
        if (a == null || !a.isRandom()) {
            return PixelPipeline.RAW;
        }
        return new PixelPipeline(new Augmenter(a), Seeds.derive(seed, Seeds.AUGMENT), new Standardizer(1, null, null));
    }

    /** Keras's fit(x) with augment=False: one pass over the training split, unaugmented, then back to pass 0. */
    private static FeatureStats fit(ExampleIterator train, ImageShape shape, Standardizer plain) {
        BaseExampleIterator it = (BaseExampleIterator) train;
        PixelPipeline before = it.pipeline();
        it.usePipeline(new PixelPipeline(null, 0, plain));
        FeatureStats.Accumulator sums = new FeatureStats.Accumulator(shape.channels());
        int plane = shape.height() * shape.width();
        int size = plane * shape.channels();
        try {
            it.seekEpoch(0);
            while (it.hasNext()) {
                DataSet batch = it.next();
                float[] x = batch.getFeatures().dup('c').data().asFloat();
                for (int i = 0; i < x.length / size; i++) {
                    sums.add(x, i * size, plane);
                }
            }
        } finally {
            it.usePipeline(before);
            it.seekEpoch(0);
        }
        return sums.result();
    }

    private static void use(ExampleIterator iterator, PixelPipeline pipeline) {
        if (iterator instanceof BaseExampleIterator it) {
            it.usePipeline(pipeline);
        }
    }

    private static String describe(AugmentationConfig a, FeatureStats stats) {
        List<String> parts = new ArrayList<>();
        if (a.isRandom()) {
            parts.add("Training images are augmented (seeded per epoch and image; validation and test images are"
                    + " not): " + ops(a) + ".");
        }
        List<String> norm = new ArrayList<>();
        if (a.samplewiseCenter()) {
            norm.add("samplewise_center");
        }
        if (a.samplewiseStdNormalization()) {
            norm.add("samplewise_std_normalization");
        }
        if (a.featurewiseCenter()) {
            norm.add("featurewise_center");
        }
        if (a.featurewiseStdNormalization()) {
            norm.add("featurewise_std_normalization");
        }
        if (!norm.isEmpty()) {
            parts.add("Every split is normalised: " + String.join(", ", norm)
                    + (stats == null ? "." : String.format(Locale.ROOT,
                    " with the statistics of %d training images (mean %s, std %s).", stats.images(),
                    numbers(stats.mean()), numbers(stats.std()))));
        }
        return String.join(" ", parts);
    }

    private static String ops(AugmentationConfig a) {
        List<String> ops = new ArrayList<>();
        if (a.rotationRange() != 0) {
            ops.add("rotation_range " + a.rotationRange());
        }
        if (a.widthShiftRange().isActive()) {
            ops.add("width_shift_range " + a.widthShiftRange());
        }
        if (a.heightShiftRange().isActive()) {
            ops.add("height_shift_range " + a.heightShiftRange());
        }
        if (a.shearRange() != 0) {
            ops.add("shear_range " + a.shearRange());
        }
        if (a.zoomRange().isActive()) {
            ops.add("zoom_range " + a.zoomRange());
        }
        if (!a.brightnessRange().isEmpty()) {
            ops.add("brightness_range " + a.brightnessRange());
        }
        if (a.channelShiftRange() != 0) {
            ops.add("channel_shift_range " + a.channelShiftRange());
        }
        if (a.horizontalFlip()) {
            ops.add("horizontal_flip");
        }
        if (a.verticalFlip()) {
            ops.add("vertical_flip");
        }
        a.datavec().forEach(t -> ops.add(dev.convlab.config.schema.Names.of(t.getClass())));
        return String.join(", ", ops) + "; fill_mode " + dev.convlab.config.schema.Names.of(a.fillMode());
    }

    private static String numbers(double[] values) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(String.format(Locale.ROOT, "%.4g", v));
        }
        return "[" + String.join(", ", out) + "]";
    }
}
