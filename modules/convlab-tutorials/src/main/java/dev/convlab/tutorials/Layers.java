package dev.convlab.tutorials;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One-layer DL4J networks that do exactly one convolution or pooling, in double precision so that the tutorial's
 * small integers come out exact. Inputs and outputs are NCHW, DL4J's default and the layout Keras calls
 * channels_first. DL4J's convolution is a cross-correlation (the kernel is not flipped), as Keras's Conv2D and the
 * tutorial's worked example are.
 */
final class Layers {
    private Layers() {
    }

    /**
     * A single 2-D convolution of one channel with {@code kernel}, identity activation and no bias.
     *
     * @param padding zero rows/columns added on each side; ignored (computed by DL4J) when {@code same}
     */
    static INDArray convolve(double[][] input, double[][] kernel, int stride, boolean same, int padding) {
        int kh = kernel.length;
        int kw = kernel[0].length;
        ConvolutionLayer.Builder conv = new ConvolutionLayer.Builder(kh, kw)
                .nIn(1).nOut(1).stride(stride, stride)
                .activation(Activation.IDENTITY)
                .hasBias(false);
        if (same) {
            conv.convolutionMode(ConvolutionMode.Same);
        } else {
            // Truncate is DL4J's name for Keras's 'valid' with explicit zero padding
            conv.convolutionMode(ConvolutionMode.Truncate).padding(padding, padding);
        }
        MultiLayerNetwork net = network(conv.build(), InputType.convolutional(input.length, input[0].length, 1));
        // W has shape [out channels, in channels, kernel height, kernel width]
        net.setParam("0_W", Nd4j.create(kernel).reshape(1, 1, kh, kw).castTo(DataType.DOUBLE));
        INDArray x = Nd4j.create(input).reshape(1, 1, input.length, input[0].length).castTo(DataType.DOUBLE);
        return net.output(x);
    }

    /** A 2x2 max pooling of stride 2 over {@code x} (NCHW); returns its output. */
    static INDArray maxPool2x2(INDArray x) {
        SubsamplingLayer pool = new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(2, 2).stride(2, 2).convolutionMode(ConvolutionMode.Truncate).build();
        MultiLayerNetwork net = network(pool,
                InputType.convolutional(x.size(2), x.size(3), x.size(1)));
        return net.output(x.castTo(DataType.DOUBLE));
    }

    private static MultiLayerNetwork network(org.deeplearning4j.nn.conf.layers.Layer layer, InputType input) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE)
                .list()
                .layer(layer)
                .setInputType(input)
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
