package dev.convlab.backend.bench;

import dev.convlab.backend.BackendFacts;
import dev.convlab.backend.Backends;
import dev.convlab.config.BackendKind;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A measurement, not a test: training images per second of the classic MNIST CNN (conv32-pool-conv64-pool-dense128-
 * dense10, 3x3 kernels, 28x28x1, batch 64, Adam) on random data of the right shape. Run it once per JVM, since the
 * native build is fixed when ND4J loads:
 * <pre>
 *   CONVLAB_FAST=1 java -cp TEST_CLASSPATH dev.convlab.backend.bench.MnistCnnThroughput [seconds]
 *   CONVLAB_FAST=0 java -cp TEST_CLASSPATH dev.convlab.backend.bench.MnistCnnThroughput [seconds]
 * </pre>
 * With {@code -Dbench.helpers=off} the fast build is kept but DL4J's helpers are turned off after init, which
 * separates what the helpers bring from what the native build brings.
 */
public final class MnistCnnThroughput {
    private static final int BATCH = 64;
    private static final int WARMUP_BATCHES = 15;

    private MnistCnnThroughput() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        Backends.init(BackendKind.CPU);
        if ("off".equals(System.getProperty("bench.helpers"))) {
            System.setProperty(Backends.HELPERS_DISABLE_PROPERTY, "true");
        }
        BackendFacts.collect().lines().forEach(System.out::println);

        MultiLayerNetwork net = new MultiLayerNetwork(mnistCnn());
        net.init();
        System.out.println("helpers: " + net.getLayer(0).getHelper() + ", " + net.getLayer(1).getHelper());
        INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, 1, 28, 28);
        INDArray y = Nd4j.zeros(DataType.FLOAT, BATCH, 10);
        for (int i = 0; i < BATCH; i++) {
            y.putScalar(i, i % 10, 1f);
        }
        for (int i = 0; i < WARMUP_BATCHES; i++) {
            net.fit(x, y);
        }
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        int batches = 0;
        while (System.nanoTime() < deadline) {
            net.fit(x, y);
            batches++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("train: %d batches of %d in %.1f s = %.0f images/s (score %.3f)%n", batches, BATCH,
                elapsed, batches * BATCH / elapsed, net.score());
    }

    static MultiLayerConfiguration mnistCnn() {
        return new NeuralNetConfiguration.Builder().seed(42).dataType(DataType.FLOAT).updater(new Adam(1e-3))
                .weightInit(WeightInit.XAVIER).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(64).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build())
                .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1))
                .build();
    }
}
