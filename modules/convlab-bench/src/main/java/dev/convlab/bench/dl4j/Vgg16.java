package dev.convlab.bench.dl4j;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** VGG16 as Keras builds it (include_top, no dropout; 138,357,544 parameters), 224x224x3, 1000 classes. */
public final class Vgg16 {
    private static final int[][] BLOCKS = {{64, 2}, {128, 2}, {256, 3}, {512, 3}, {512, 3}};

    private Vgg16() {
    }

    /**
     * What a DL4J user writes for Keras's SGD(0.01, momentum 0.9): DL4J's only momentum updater is Nesterovs
     * (Keras's default is plain momentum, which convlab implements itself).
     */
    public static IUpdater dl4jUpdater() {
        return new Nesterovs(0.01, 0.9);
    }

    public static MultiLayerConfiguration configuration(IUpdater updater, CacheMode cache) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(42)
                .dataType(DataType.FLOAT).updater(updater).cacheMode(cache).list();
        for (int[] block : BLOCKS) {
            for (int i = 0; i < block[1]; i++) {
                list.layer(new ConvolutionLayer.Builder(3, 3).nOut(block[0]).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.RELU).build());
            }
            list.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                    .build());
        }
        return list.layer(new DenseLayer.Builder().nOut(4096).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(4096).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(1000)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(224, 224, 3))
                .build();
    }
}
