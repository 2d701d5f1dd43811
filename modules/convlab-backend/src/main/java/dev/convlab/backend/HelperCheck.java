package dev.convlab.backend;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.layers.LayerHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Proves the oneDNN helpers are really in use rather than trusting the settings: builds a tiny conv + pool +
 * batch-norm network, trains it one step (forward and backward both go through the helpers), and reads back which
 * helper each layer holds and whether any helper call failed. DL4J falls back to its built-in code silently (one
 * log line) on a helper failure and counts it in {@code helperCountFail}, which is read here by reflection.
 */
public final class HelperCheck {

    /**
     * @param helpers layer kind → helper class simple name, "none", plus " (failed N times)" where it fell back
     */
    public record Result(Map<String, String> helpers, boolean oneDnnInUse) {
        public Result {
            helpers = Map.copyOf(helpers);
        }
    }

    private HelperCheck() {
    }

    /**
     * Side effect: like every MultiLayerNetwork.init, this re-seeds ND4J's global random generator (with 7), so run
     * it before a training run builds and seeds its own network, not between seeding and training.
     */
    public static Result run() {
        MultiLayerNetwork net = new MultiLayerNetwork(tinyNet());
        net.init();
        INDArray ramp = Nd4j.arange(0, 2 * 8 * 8).castTo(DataType.FLOAT).divi(64).subi(1).reshape(2, 1, 8, 8);
        net.fit(ramp, Nd4j.ones(DataType.FLOAT, 2, 1));
        Map<String, String> helpers = new LinkedHashMap<>();
        boolean allOneDnn = true;
        String[] kinds = {"convolution", "pooling", "batch_norm"};
        for (int i = 0; i < kinds.length; i++) {
            Layer layer = net.getLayer(i);
            LayerHelper helper = layer.getHelper();
            int failures = failures(layer);
            String name = helper == null ? "none" : helper.getClass().getSimpleName();
            helpers.put(kinds[i], failures > 0 ? name + " (failed " + failures + " times)"
                    : failures < 0 ? name + " (failure count unreadable)" : name);
            allOneDnn &= helper != null && name.startsWith("MKLDNN") && failures == 0;
        }
        return new Result(helpers, allOneDnn);
    }

    /** The smallest network with each layer kind that has a oneDNN helper, NCHW as convlab uses. */
    static MultiLayerConfiguration tinyNet() {
        return new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.FLOAT).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(1)
                        .activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(8, 8, 1))
                .build();
    }

    private static int failures(Layer layer) {
        for (Class<?> c = layer.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField("helperCountFail");
                f.setAccessible(true);
                return f.getInt(layer);
            } catch (NoSuchFieldException e) {
                // keep looking in the superclass
            } catch (IllegalAccessException | RuntimeException e) {
                return -1;
            }
        }
        return 0;
    }
}
