package dev.convlab.data;

import dev.convlab.config.ImageShape;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * Serves one split of {@link ByteImages} as NCHW float batches with one-hot labels, through its
 * {@link PixelPipeline} (rescale, and augmentation and normalisation when configured) on the way out.
 * The bytes stay shared between the splits; only the batch being built is ever in float form.
 */
final class InMemoryIterator extends OrderedIterator {
    private static final long serialVersionUID = 1L;
    private final ByteImages images;

    InMemoryIterator(ByteImages images, ShuffleOrder order, int batchSize, double rescale, List<String> classes) {
        super(classes, batchSize, order);
        this.images = images;
        usePipeline(PixelPipeline.rescaleOnly(rescale));
    }

    @Override
    public synchronized DataSet next(int num) {
        int n = nextCount(num);
        int pixels = images.pixelsPerImage();
        int numClasses = classes.size();
        byte[] source = images.pixels();
        float[] features = new float[n * pixels];
        float[] labels = new float[n * numClasses];
        int[] examples = new int[n];
        for (int i = 0; i < n; i++) {
            int example = order.at(position + i);
            examples[i] = example;
            int from = example * pixels;
            int to = i * pixels;
            for (int p = 0; p < pixels; p++) {
                features[to + p] = source[from + p] & 0xFF;
            }
            labels[i * numClasses + images.label(example)] = 1f;
        }
        ImageShape shape = images.shape();
        pipeline().apply(features, n, shape, examples, order.epoch());
        position += n;
        order.markConsumed();
        INDArray x = Nd4j.create(features, new long[] {n, shape.channels(), shape.height(), shape.width()}, 'c');
        INDArray y = Nd4j.create(labels, new long[] {n, numClasses}, 'c');
        return finish(new DataSet(x, y));
    }

    @Override
    public synchronized void reset() {
        order.nextPass();
        position = 0;
    }

    @Override
    public int inputColumns() {
        return images.pixelsPerImage();
    }

}
