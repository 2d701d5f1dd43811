package dev.convlab.viz;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The activations of convolution layers for one input, from a forward pass in inference mode. */
public final class FeatureMaps {
    private FeatureMaps() {
    }

    /**
     * One layer's output: a map (height x width, row by row) per channel.
     */
    public record LayerMaps(ConvLayer layer, int height, int width, List<float[]> maps) {
        public LayerMaps {
            maps = List.copyOf(maps);
        }

        public int channels() {
            return maps.size();
        }

        /** The channel with the largest mean activation: the map that shows most of what the layer saw. */
        public int strongest() {
            int best = 0;
            double bestMean = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < maps.size(); c++) {
                double mean = 0;
                for (float v : maps.get(c)) {
                    mean += v;
                }
                mean /= maps.get(c).length;
                if (mean > bestMean) {
                    bestMean = mean;
                    best = c;
                }
            }
            return best;
        }
    }

    /** @param input one image, [1, C, H, W], standardised as in training */
    public static List<LayerMaps> of(MultiLayerNetwork network, INDArray input, List<ConvLayer> layers) {
        return of(network, input, layers, false);
    }

    /**
     * @param input        one image in the network's layout, preprocessed as the network expects
     * @param channelsLast whether the network's feature maps are [1, H, W, C] (a Keras channels_last model) rather
     *                     than [1, C, H, W]
     */
    public static List<LayerMaps> of(MultiLayerNetwork network, INDArray input, List<ConvLayer> layers,
                                     boolean channelsLast) {
        // feedForward's list starts with the input: layer i's output is at i + 1
        List<INDArray> activations = network.feedForward(input, false);
        List<LayerMaps> out = new ArrayList<>();
        for (ConvLayer layer : layers) {
            INDArray a = activations.get(layer.index() + 1);
            if (a.rank() != 4) {
                throw new IllegalStateException(layer.name() + " gave an output of shape "
                        + java.util.Arrays.toString(a.shape()) + ", not feature maps");
            }
            INDArray nchw = channelsLast ? a.permute(0, 3, 1, 2) : a;
            int channels = (int) nchw.size(1);
            int height = (int) nchw.size(2);
            int width = (int) nchw.size(3);
            if (channels != layer.channels() || height != layer.height() || width != layer.width()) {
                throw new IllegalStateException(layer.name() + " gave maps of " + height + "x" + width + "x"
                        + channels + ", not the " + layer.height() + "x" + layer.width() + "x" + layer.channels()
                        + " of its shape");
            }
            float[] all = nchw.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat();
            List<float[]> maps = new ArrayList<>(channels);
            int plane = height * width;
            for (int c = 0; c < channels; c++) {
                maps.add(java.util.Arrays.copyOfRange(all, c * plane, (c + 1) * plane));
            }
            out.add(new LayerMaps(layer, height, width, maps));
        }
        return out;
    }

    /** A map stretched from its own min..max to 0..255 (a constant map is black). */
    public static float[] display(float[] map) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : map) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float range = max - min;
        float[] out = new float[map.length];
        for (int i = 0; i < map.length; i++) {
            out[i] = range > 0 ? 255 * (map[i] - min) / range : 0;
        }
        return out;
    }
}
