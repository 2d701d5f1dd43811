package dev.convlab.bench;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * Floating-point operations per image, counted analytically, with the usual convention: a multiply-add is 2
 * FLOPs; a convolution costs 2·kh·kw·cin·cout·oh·ow, a dense layer 2·in·out; biases, activations, pooling, dropout
 * and the loss are left out (under 1% for these networks). A training step is taken as 3 forward passes (forward, gradient
 * with respect to the input, gradient with respect to the weights), which slightly overcounts the first layer,
 * whose input gradient is not needed.
 */
public final class Flops {
    public static final int TRAINING_FACTOR = 3;

    private Flops() {
    }

    public static long forwardPerImage(MultiLayerConfiguration conf, InputType input) {
        List<InputType> outputs = conf.getLayerActivationTypes(input);
        long flops = 0;
        for (int i = 0; i < outputs.size(); i++) {
            Layer layer = conf.getConf(i).getLayer();
            if (layer instanceof ConvolutionLayer c && outputs.get(i) instanceof InputType.InputTypeConvolutional out) {
                int[] k = c.getKernelSize();
                flops += 2L * k[0] * k[1] * c.getNIn() * c.getNOut() * out.getHeight() * out.getWidth();
            } else if (layer instanceof DenseLayer || layer instanceof BaseOutputLayer) {
                FeedForwardLayer f = (FeedForwardLayer) layer;
                flops += 2L * f.getNIn() * f.getNOut();
            }
        }
        return flops;
    }
}
