package dev.convlab.bench;

import java.util.Random;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One batch of random data of the network's shape, made once and reused, so the measurement is the network's
 * speed alone (the data path is measured by the data-wait case). Pixels uniform in [0, 1) as after rescaling,
 * NCHW as convlab feeds DL4J; labels one-hot, or 0/1 for a single sigmoid output.
 */
public record RandomBatch(INDArray features, INDArray labels) {

    public static RandomBatch of(MultiLayerNetwork net, int batch, int height, int width, int channels, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, channels, height, width);
        int layers = net.getnLayers();
        long outputs = ((FeedForwardLayer) net.getLayerWiseConfigurations().getConf(layers - 1).getLayer()).getNOut();
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, outputs);
        Random random = new Random(seed);
        for (int i = 0; i < batch; i++) {
            if (outputs == 1) {
                y.putScalar(i, 0, random.nextBoolean() ? 1f : 0f);
            } else {
                y.putScalar(i, random.nextInt((int) outputs), 1f);
            }
        }
        return new RandomBatch(x, y);
    }

    /** One benchmark step on this batch: a training step ({@code fit}) or an inference pass. */
    public Runnable step(MultiLayerNetwork net, boolean train) {
        return train ? () -> net.fit(features, labels) : () -> net.output(features, false);
    }
}
