package dev.convlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convlab.config.yaml.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The benchmark compares like with like: each configs/bench network, built by convlab, has the parameter count
 * Keras prints for it, the same parameters and FLOPs as its hand-written DL4J copy, and the updater the hand-written
 * copy is given when it stands in for convlab. Configuration only: no network is initialised, so this is quick
 * even for VGG16.
 */
class BenchConfigsTest {
    private static final Path CONFIGS = Path.of("../../configs/bench");
    /** model.summary() of the Keras tutorials' networks. */
    private static final Map<Network, Long> KERAS_PARAMS = Map.of(Network.MNIST_CNN, 225_034L,
            Network.CATS_DOGS_CNN, 3_453_121L, Network.VGG16, 138_357_544L);

    @Test
    void convlabAndHandWrittenNetworksAreTheSame() {
        for (Network network : Network.values()) {
            Path yaml = config(network);
            int batch = ConfigLoader.load(yaml, List.of()).config().data().batchSize();
            ConvlabNetwork convlab = ConvlabNetwork.fromYaml(yaml, network, batch);
            MultiLayerConfiguration hand = network.handBuilt(network.dl4jUpdater());
            assertEquals(KERAS_PARAMS.get(network), convlab.plan().totalParams(), network.id());
            assertEquals(KERAS_PARAMS.get(network), params(convlab.configuration()), network.id());
            assertEquals(KERAS_PARAMS.get(network), params(hand), network.id());
            assertEquals(Flops.forwardPerImage(hand, network.inputType()),
                    Flops.forwardPerImage(convlab.configuration(), network.inputType()), network.id());
            assertEquals(updater(convlab.configuration()), network.convlabUpdater(), network.id());
            assertEquals(updater(convlab.configuration()), updater(network.handBuilt(network.convlabUpdater())));
        }
    }

    @Test
    void mnistFlopsMatchAHandCount() {
        long conv1 = 2L * 3 * 3 * 1 * 32 * 26 * 26;
        long conv2 = 2L * 3 * 3 * 32 * 64 * 11 * 11;
        long dense = 2L * 5 * 5 * 64 * 128;
        long output = 2L * 128 * 10;
        assertEquals(conv1 + conv2 + dense + output,
                Flops.forwardPerImage(Network.MNIST_CNN.handBuilt(Network.MNIST_CNN.dl4jUpdater()),
                        Network.MNIST_CNN.inputType()));
    }

    private static Path config(Network network) {
        Path yaml = CONFIGS.resolve(network.id() + ".yaml");
        return Files.exists(yaml) ? yaml : CONFIGS.resolve(network.id() + ".yml");
    }

    private static IUpdater updater(MultiLayerConfiguration conf) {
        return ((BaseLayer) conf.getConf(0).getLayer()).getIUpdater();
    }

    private static long params(MultiLayerConfiguration conf) {
        long n = 0;
        for (NeuralNetConfiguration layer : conf.getConfs()) {
            n += layer.getLayer().initializer().numParams(layer);
        }
        return n;
    }
}
