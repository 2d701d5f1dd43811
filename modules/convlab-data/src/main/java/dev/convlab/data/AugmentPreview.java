package dev.convlab.data;

import dev.convlab.config.DataConfig;
import dev.convlab.config.ImageShape;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The first training images of pass 0, each with the augmented copies that training makes of it in passes 0, 1,
 * 2, ...: the same draws, so the preview shows exactly what the network is fed (as raw 0..255 pixels, before
 * rescale and normalisation).
 *
 * @param samples one per image, in the order of pass 0
 */
public record AugmentPreview(ImageShape shape, List<Sample> samples) {

    /** @param original CHW, raw pixel values; {@code augmented.get(e)} is what pass e makes of it */
    public record Sample(int example, String label, float[] original, List<float[]> augmented) {
    }

    public AugmentPreview {
        samples = List.copyOf(samples);
    }

    /** Reads {@code count} training images and makes {@code versions} augmented copies of each. */
    public static AugmentPreview of(DataConfig cfg, long seed, int count, int versions) {
        DataSplits splits = Datasets.decoded(cfg, seed, DataPlaces.fromEnvironment(), null);
        ImageShape shape = splits.inputShape();
        if (!(splits.train() instanceof BaseExampleIterator train) || train.numExamples() == 0) {
            return new AugmentPreview(shape, List.of());
        }
        train.usePipeline(PixelPipeline.RAW);
        train.seekEpoch(0);
        int n = Math.min(count, train.numExamples());
        DataSet batch = train.next(n);
        float[] x = batch.getFeatures().dup('c').data().asFloat();
        INDArray labels = batch.getLabels();
        PixelPipeline pipeline = Pipelines.training(cfg, seed);
        int size = shape.height() * shape.width() * shape.channels();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] original = new float[size];
            System.arraycopy(x, i * size, original, 0, size);
            int example = train.exampleAt(i);
            List<float[]> augmented = new ArrayList<>();
            for (int epoch = 0; epoch < versions; epoch++) {
                augmented.add(pipeline.augment(original, shape, epoch, example));
            }
            String label = splits.classNames().get(labels.getRow(i).argMax().getInt(0));
            samples.add(new Sample(example, label, original, augmented));
        }
        return new AugmentPreview(shape, samples);
    }
}
