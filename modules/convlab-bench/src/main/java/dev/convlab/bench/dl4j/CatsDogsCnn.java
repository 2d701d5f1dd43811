package dev.convlab.bench.dl4j;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The Keras tutorial's cats-vs-dogs CNN on 150x150x3 (3,453,121 parameters): 4 x (conv3x3 + 2x2 max pool) with
 * 32/64/128/128 filters, dropout 0.5, dense 512 relu, one sigmoid unit with binary cross-entropy (DL4J's XENT).
 */
public final class CatsDogsCnn {
    private CatsDogsCnn() {
    }

    /** What a DL4J user writes for Keras's RMSprop(1e-4): DL4J's RmsProp with Keras's rho and epsilon. */
    public static IUpdater dl4jUpdater() {
        return new RmsProp(1e-4, 0.9, 1e-7);
    }

    public static MultiLayerConfiguration configuration(IUpdater updater, CacheMode cache) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(42)
                .dataType(DataType.FLOAT).updater(updater).cacheMode(cache).list();
        for (int filters : new int[] {32, 64, 128, 128}) {
            list.layer(new ConvolutionLayer.Builder(3, 3).nOut(filters).activation(Activation.RELU).build())
                    .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
                            .stride(2, 2).build());
        }
        // DL4J's dropOut(p) is the probability of keeping a value; at 0.5 it is Keras's rate 0.5 either way
        return list.layer(new DropoutLayer.Builder(0.5).build())
                .layer(new DenseLayer.Builder().nOut(512).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1)
                        .activation(Activation.SIGMOID).build())
                .setInputType(InputType.convolutional(150, 150, 3))
                .build();
    }
}
