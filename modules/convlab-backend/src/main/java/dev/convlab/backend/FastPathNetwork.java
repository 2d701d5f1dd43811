package dev.convlab.backend;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.nd4j.linalg.api.buffer.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of the fast path that is set on a built network (one about to be trained, or a saved model opened for
 * evaluate and predict), when Backends.init turned DL4J's oneDNN helpers on; nothing otherwise: with the fast path
 * off, the network is plain DL4J's. Two things, each found by profiling a cats-vs-dogs training step (DL4J's op
 * profiler and DNNL_VERBOSE):
 *
 * <ol>
 * <li><b>Cache mode DEVICE.</b> DL4J 1.0.0-M2.1's ConvolutionLayer.backpropGradient needs the layer's
 * pre-activation output and, with CacheMode NONE (its default), computes the whole convolution again to get it:
 * 8 conv2d calls per step for 4 convolution layers, a sixth of the step. DEVICE keeps the first result in the
 * activations workspace; the backward pass computes exactly what it did before from the same numbers, at the cost
 * of one pre-activation array per convolution layer for the length of a step (convlab's memory estimate counts it).
 * Without the helpers DL4J would also keep every im2col matrix, which is why this is tied to them.</li>
 * <li><b>Max pooling where oneDNN is slow.</b> See {@link TunedMaxPooling}: each max-pooling layer times its own
 * calls on oneDNN's kernel and on libnd4j's, alternating, over its first batches and again 10 s later, and keeps the
 * faster; both give bit-identical outputs and gradients, ties included, so the choice never changes a number.</li>
 * <li><b>The ReLU gradient of a convolution in two vectorised ops.</b> See {@link FastReluConvolution} and
 * {@link ReluBackprop}: libnd4j's relu_bp calls a function per element (a tenth of an MNIST CNN training step);
 * the replacement gives the same values, and the same parameters after training (FastPathNetworkTest).</li>
 * </ol>
 */
public final class FastPathNetwork {
    private static final Logger log = LoggerFactory.getLogger(FastPathNetwork.class);

    private FastPathNetwork() {
    }

    /** Whether this process trains on the fast path: Backends.init ran and turned the oneDNN helpers on. */
    public static boolean on() {
        return Backends.setup().map(BackendSetup::helpersAsked).orElse(false);
    }

    /** DEVICE on the fast path, NONE otherwise (and before Backends.init). */
    static CacheMode cacheMode() {
        return on() ? CacheMode.DEVICE : CacheMode.NONE;
    }

    /**
     * On the fast path, puts a {@link TunedMaxPooling} in place of each plain max-pooling layer and a
     * {@link FastReluConvolution} in place of each plain ReLU convolution layer; then sets the cache
     * mode on the network's configuration (which decides whether DL4J opens the cache workspace) and on its layers
     * (which decide whether they fill it). The configuration's layers are unchanged, so a model saved from the
     * network is what it would have been without this. Idempotent.
     */
    public static MultiLayerNetwork apply(MultiLayerNetwork net) {
        if (on()) {
            swapLayers(net);
        }
        CacheMode mode = cacheMode();
        net.getLayerWiseConfigurations().setCacheMode(mode);
        net.setCacheMode(mode);
        return net;
    }

    private static void swapLayers(MultiLayerNetwork net) {
        Map<String, Layer> byName = layerMap(net);
        if (byName == null) {
            return;
        }
        DataType dataType = net.getLayerWiseConfigurations().getDataType();
        Updater updater = net.getUpdater(false);
        boolean swapped = false;
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            Layer faster = faster(layers[i], dataType);
            if (faster != null) {
                layers[i] = faster;
                byName.put(faster.conf().getLayer().getLayerName(), faster);
                swapped = true;
            }
        }
        if (swapped && updater != null) {
            // a network restored with its updater state (a resumed run) has an updater that knows the replaced
            // layer objects: a new one over the new layers takes over the same state array
            net.setUpdater(new MultiLayerUpdater(net, updater.getStateViewArray()));
        }
    }

    /** The fast path's replacement for a layer, or null to keep it. Exactly DL4J's classes are replaced: not a layer
     * already replaced, not a FrozenLayer's inside, not another subclass. */
    private static Layer faster(Layer layer, DataType dataType) {
        if (layer.getClass() == SubsamplingLayer.class
                && ((org.deeplearning4j.nn.conf.layers.SubsamplingLayer) layer.conf().getLayer())
                        .getPoolingType() == PoolingType.MAX) {
            return new TunedMaxPooling((SubsamplingLayer) layer, dataType);
        }
        if (layer.getClass() == ConvolutionLayer.class
                && ReluBackprop.replaces(((org.deeplearning4j.nn.conf.layers.ConvolutionLayer) layer.conf().getLayer())
                        .getActivationFn())) {
            try {
                return new FastReluConvolution((ConvolutionLayer) layer, dataType);
            } catch (IllegalStateException e) { // a DL4J whose layer fields cannot be copied: keep its own layer
                log.info("ReLU gradient left to DL4J: {}", e.getMessage());
            }
        }
        return null;
    }

    /**
     * What the fast path did to each layer it changed, by layer name, for run manifests: "ReLU gradient vectorised",
     * and for max pooling which kernel the timing picked per input shape and mode ("being timed" over the first
     * batches, then "timed once" and "timed twice").
     * Empty with the fast path off. The cache mode is in the network's configuration.
     */
    public static Map<String, String> describe(MultiLayerNetwork net) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Layer layer : net.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            if (layer instanceof FastReluConvolution) {
                out.put(name, "ReLU gradient vectorised (not libnd4j's relu_bp)");
            } else if (layer instanceof TunedMaxPooling pooling) {
                out.put(name, pooling.describe());
            }
        }
        return out;
    }

    /** MultiLayerNetwork keeps its layers by name too (getLayer(String)); M2.1 has no setter for that map. */
    @SuppressWarnings("unchecked")
    private static Map<String, Layer> layerMap(MultiLayerNetwork net) {
        try {
            Field field = MultiLayerNetwork.class.getDeclaredField("layerMap");
            field.setAccessible(true);
            return (Map<String, Layer>) field.get(net);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.info("layers left as DL4J built them: cannot reach MultiLayerNetwork.layerMap ({})", e.toString());
            return null;
        }
    }
}
