package dev.convlab.bench;

import dev.convlab.bench.dl4j.CatsDogsCnn;
import dev.convlab.bench.dl4j.MnistCnn;
import dev.convlab.bench.dl4j.Vgg16;
import dev.convlab.model.optim.KerasRmsProp;
import dev.convlab.model.optim.SgdMomentum;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The three benchmark networks: the name scripts and results use, the input shape, the class count convlab plans
 * the output layer for (2 for one sigmoid unit), the copy written by hand in DL4J, and two updaters for it: DL4J's
 * own (what a DL4J user writes) and the one convlab builds from the YAML's optimizer (Keras's update rule), so that
 * "by hand with convlab's settings" computes exactly what convlab computes and differs only in how it was built.
 */
public enum Network {
    MNIST_CNN("mnist-cnn", 28, 28, 1, 10, MnistCnn::configuration, MnistCnn::dl4jUpdater,
            () -> new Adam(1e-3, 0.9, 0.999, 1e-7)),
    CATS_DOGS_CNN("cats-dogs-cnn", 150, 150, 3, 2, CatsDogsCnn::configuration, CatsDogsCnn::dl4jUpdater,
            () -> new KerasRmsProp(1e-4, 0.9, 1e-7)),
    VGG16("vgg16", 224, 224, 3, 1000, Vgg16::configuration, Vgg16::dl4jUpdater,
            () -> new SgdMomentum(0.01, 0.9));

    private final String id;
    private final int height;
    private final int width;
    private final int channels;
    private final int classes;
    private final BiFunction<IUpdater, CacheMode, MultiLayerConfiguration> handBuilt;
    private final Supplier<IUpdater> dl4jUpdater;
    private final Supplier<IUpdater> convlabUpdater;

    Network(String id, int height, int width, int channels, int classes,
            BiFunction<IUpdater, CacheMode, MultiLayerConfiguration> handBuilt, Supplier<IUpdater> dl4jUpdater,
            Supplier<IUpdater> convlabUpdater) {
        this.id = id;
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.classes = classes;
        this.handBuilt = handBuilt;
        this.dl4jUpdater = dl4jUpdater;
        this.convlabUpdater = convlabUpdater;
    }

    public static Network byId(String id) {
        for (Network n : values()) {
            if (n.id.equals(id)) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown network '" + id + "'; known: mnist-cnn, cats-dogs-cnn, vgg16");
    }

    public String id() {
        return id;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int channels() {
        return channels;
    }

    public int classes() {
        return classes;
    }

    public InputType inputType() {
        return InputType.convolutional(height, width, channels);
    }

    /** The network written by hand with DL4J's builders, with DL4J's default cache mode (NONE). */
    public MultiLayerConfiguration handBuilt(IUpdater updater) {
        return handBuilt.apply(updater, CacheMode.NONE);
    }

    /** The same, with a cache mode set in the builder, as a DL4J user who knows the setting writes it. */
    public MultiLayerConfiguration handBuilt(IUpdater updater, CacheMode cache) {
        return handBuilt.apply(updater, cache);
    }

    public IUpdater dl4jUpdater() {
        return dl4jUpdater.get();
    }

    /** Keep in step with configs/bench: BenchConfigsTest compares it with the updater convlab builds. */
    public IUpdater convlabUpdater() {
        return convlabUpdater.get();
    }
}
