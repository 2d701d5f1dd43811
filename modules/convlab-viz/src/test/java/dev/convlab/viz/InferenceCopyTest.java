package dev.convlab.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.RunConfig;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The inference copy predicts what the network predicts, and its gradients are the same on every call, where the
 * network's own training-mode gradients change with each dropout mask.
 */
class InferenceCopyTest {
    static final String DROPOUT = """
            name: copy
            data: {dataset: image-folder, path: no-images, image: {height: 12, width: 12, channels: 1}}
            model:
              layers:
                - conv2d: {filters: 6, kernel_size: 3, activation: relu}
                - max_pooling2d: {pool_size: 2}
                - dropout: {rate: 0.3}
                - conv2d: {filters: 8, kernel_size: 3, activation: relu}
                - flatten: {}
                - dropout: {rate: 0.5}
                - dense: {units: 16, activation: relu}
                - dense: {units: 4, activation: softmax}
            """;
    static MultiLayerNetwork net;
    static ModelLayers layers;
    static INDArray x;

    @BeforeAll
    static void build() {
        Models.backend();
        RunConfig config = Models.config(DROPOUT);
        net = Models.fixed(config, 4, 5);
        layers = ModelLayers.of(config, 4, net);
        x = Nd4j.rand(DataType.FLOAT, 1, 1, 12, 12);
    }

    @Test
    void theCopyPredictsExactlyWhatTheNetworkPredicts() {
        MultiLayerNetwork copy = InferenceCopy.of(net, layers.inputType(), layers.outputIndex(), false);
        for (Layer layer : copy.getLayers()) {
            assertNull(layer.conf().getLayer().getIDropout(), layer.conf().getLayer().getLayerName());
        }
        INDArray expected = net.output(x, false);
        assertArrayEquals(floats(expected), floats(copy.output(x, false)), 0f);
        // training mode, where DL4J computes gradients: the copy still computes the prediction
        assertArrayEquals(floats(expected), floats(copy.output(x, true)), 0f);
        assertFalse(java.util.Arrays.equals(floats(expected), floats(net.output(x, true))),
                "the network itself drops units in training mode");
    }

    @Test
    void gradientsAreTheSameOnEveryCallUnlikeTheNetworksOwn() {
        InputGradient gradient = InputGradient.at(net, layers.inputType(), layers.outputIndex());
        float[] first = floats(gradient.at(x, Objective.unit(1, 1)).gradient());
        float[] second = floats(gradient.at(x, Objective.unit(1, 1)).gradient());
        assertArrayEquals(first, second, 0f);
        assertTrue(java.util.stream.IntStream.range(0, first.length).anyMatch(i -> first[i] != 0), "a gradient");

        INDArray label = Nd4j.create(new float[] {0, 1, 0, 0}, new long[] {1, 4});
        float[] a = floats(net.calculateGradients(x, label, null, null).getSecond());
        float[] b = floats(net.calculateGradients(x, label, null, null).getSecond());
        assertFalse(java.util.Arrays.equals(a, b), "DL4J's own input gradient draws new dropout masks");
    }

    @Test
    void batchNormalisationBecomesItsInferenceMap() {
        RunConfig config = Models.config(InputGradientTest.YAML);
        MultiLayerNetwork bn = Models.fixed(config, 3, 9);
        ModelLayers bnLayers = ModelLayers.of(config, 3, bn);
        INDArray in = Nd4j.rand(DataType.FLOAT, 2, 3, 9, 9);
        MultiLayerNetwork copy = InferenceCopy.of(bn, bnLayers.inputType(), bnLayers.outputIndex(), false);
        for (Layer layer : copy.getLayers()) {
            assertFalse(layer.conf().getLayer() instanceof BatchNormalization, layer.conf().getLayer().toString());
        }
        float[] expected = floats(bn.output(in, false));
        float[] training = floats(copy.output(in, true));
        assertArrayEquals(expected, floats(copy.output(in, false)), 1e-5f);
        assertArrayEquals(expected, training, 1e-5f);
        assertFalse(java.util.Arrays.equals(expected, floats(bn.output(in, true))),
                "in training mode the network normalises with the batch's own statistics");
    }

    private static float[] floats(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    @Test
    void theNetworkIsLeftAsItWas() {
        INDArray before = net.params().dup();
        InferenceCopy.of(net, layers.inputType(), layers.outputIndex(), true).params().assign(0);
        assertEquals(before, net.params());
    }
}
