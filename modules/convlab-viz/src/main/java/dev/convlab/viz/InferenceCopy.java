package dev.convlab.viz;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.misc.ElementWiseMultiplicationLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A copy of the first layers of a network that computes, in training mode too, what the network computes when it
 * predicts. DL4J backpropagates through a layer as if in training: dropout would draw a new mask on every call and
 * batch normalisation would differentiate through the batch's own mean and variance. The copy has no dropout, and
 * each batch normalisation becomes the fixed per-channel affine map it is at inference ({@code gamma (x - mean) /
 * sqrt(var + eps) + beta}, as a 1x1 depthwise convolution on feature maps or an element-wise product on vectors), so
 * its gradients are the gradients of the prediction and the same on every call.
 *
 * <p>The output layer becomes a plain dense layer (DL4J refuses an external gradient into an output layer), keeping
 * its activation, or with none when {@code logits} is asked for: the class scores before softmax. A network whose
 * last layer is a plain dense layer with softmax (what DL4J's Keras import builds without a training config) gets
 * the same: with {@code logits}, that layer loses its activation.
 */
public final class InferenceCopy {
    private InferenceCopy() {
    }

    /**
     * Layers 0..{@code last} of {@code network}, with its parameters (copied) and data type.
     *
     * @param input  the network's input (for the shapes at each batch normalisation)
     * @param logits whether the output layer, if included, drops its activation
     */
    public static MultiLayerNetwork of(MultiLayerNetwork network, InputType input, int last, boolean logits) {
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        if (last < 0 || last >= network.getnLayers()) {
            throw new IllegalArgumentException("layer " + last + " is not in a network of " + network.getnLayers());
        }
        List<InputType> types = conf.getLayerActivationTypes(input);
        List<NeuralNetConfiguration> confs = new ArrayList<>();
        Map<Integer, InputPreProcessor> preprocessors = new HashMap<>();
        for (int i = 0; i <= last; i++) {
            NeuralNetConfiguration layerConf = conf.getConf(i).clone();
            org.deeplearning4j.nn.conf.layers.Layer layer = layerConf.getLayer();
            if (layer instanceof org.deeplearning4j.nn.conf.layers.misc.FrozenLayer frozen) {
                // a transfer model's frozen layer passes no gradient down: the copy has the layer itself
                layer = frozen.getLayer().clone();
                layer.setLayerName(frozen.getLayerName());
                layerConf.clearVariables();
                layerConf.setLayer(layer);
            }
            layer.setIDropout(null);
            org.deeplearning4j.nn.conf.layers.Layer replaced = layer;
            if (layer instanceof BatchNormalization bn) {
                replaced = types.get(i).getType() == InputType.Type.CNN ? depthwise(bn) : elementWise(bn);
            } else if (layer instanceof BaseOutputLayer out) {
                replaced = dense(out, logits ? Activation.IDENTITY.getActivationFunction() : out.getActivationFn());
            } else if (logits && i == network.getnLayers() - 1 && layer instanceof BaseLayer base) {
                base.setActivationFn(Activation.IDENTITY.getActivationFunction());
            }
            if (replaced != layer) {
                layerConf.clearVariables();
                layerConf.setLayer(replaced);
            }
            confs.add(layerConf);
            InputPreProcessor pre = conf.getInputPreProcess(i);
            if (pre != null) {
                preprocessors.put(i, pre.clone());
            }
        }
        MultiLayerConfiguration copyConf = new MultiLayerConfiguration.Builder()
                .confs(confs)
                .inputPreProcessors(preprocessors)
                .dataType(network.params().dataType())
                .validateOutputLayerConfig(false)
                .build();
        // plain arrays: the copy is fed one image at a time and its layers' inputs must outlive the forward pass
        copyConf.setTrainingWorkspaceMode(WorkspaceMode.NONE);
        copyConf.setInferenceWorkspaceMode(WorkspaceMode.NONE);
        MultiLayerNetwork copy = new MultiLayerNetwork(copyConf);
        copy.init();
        for (int i = 0; i <= last; i++) {
            copyParams(network.getLayer(i), copy.getLayer(i));
            if (copy.getLayer(i).conf().getLayer() instanceof ConvolutionLayer c
                    && c.getCnn2dDataFormat() == CNN2DFormat.NHWC) {
                withoutHelper(copy.getLayer(i));
            }
        }
        return copy;
    }

    /**
     * DL4J 1.0.0-M2.1's oneDNN convolution helper returns a wrong input gradient (values from 1e8 to 1e28, changing
     * from run to run) for an NHWC layer (a Keras channels_last model), though its forward pass is right; the built-in code is right on
     * both (KerasImportTest compares both with numpy). The copy's NHWC convolutions therefore run without the
     * helper. DL4J has no per-layer switch for it, so the layer's helper field is cleared.
     */
    private static void withoutHelper(Layer layer) {
        try {
            Field helper = org.deeplearning4j.nn.layers.convolution.ConvolutionLayer.class.getDeclaredField("helper");
            helper.setAccessible(true);
            helper.set(layer, null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot switch off DL4J's oneDNN helper of " + layer.conf().getLayer()
                    .getLayerName() + ", whose NHWC input gradients are wrong (" + e + ")", e);
        }
    }

    private static void copyParams(Layer from, Layer to) {
        if (from instanceof org.deeplearning4j.nn.layers.FrozenLayer frozen) {
            from = frozen.getInsideLayer();
        }
        if (from.conf().getLayer() instanceof BatchNormalization bn) {
            INDArray[] affine = affine(from, bn);
            INDArray weight = to.getParam(DefaultParamInitializer.WEIGHT_KEY);
            weight.assign(affine[0].reshape(weight.shape()));
            INDArray bias = to.getParam(DefaultParamInitializer.BIAS_KEY);
            bias.assign(affine[1].reshape(bias.shape()));
            return;
        }
        for (Map.Entry<String, INDArray> p : from.paramTable().entrySet()) {
            to.getParam(p.getKey()).assign(p.getValue());
        }
    }

    /** {scale, shift} per channel: batch normalisation at inference, as DL4J's BatchNormalization computes it. */
    private static INDArray[] affine(Layer layer, BatchNormalization bn) {
        INDArray mean = layer.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).reshape(-1);
        INDArray var;
        if (bn.isUseLogStd()) {
            INDArray log10s = layer.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).reshape(-1);
            var = Transforms.pow(Nd4j.valueArrayOf(log10s.shape(), 10.0, log10s.dataType()), log10s);
            var.muli(var);
        } else {
            var = layer.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).reshape(-1).dup();
        }
        INDArray std = Transforms.sqrt(var.add(bn.getEps()));
        INDArray gamma;
        INDArray beta;
        if (bn.isLockGammaBeta()) {
            gamma = Nd4j.valueArrayOf(mean.shape(), bn.getGamma(), mean.dataType());
            beta = Nd4j.valueArrayOf(mean.shape(), bn.getBeta(), mean.dataType());
        } else {
            gamma = layer.getParam(BatchNormalizationParamInitializer.GAMMA).reshape(-1);
            beta = layer.getParam(BatchNormalizationParamInitializer.BETA).reshape(-1);
        }
        INDArray scale = gamma.div(std);
        INDArray shift = beta.sub(mean.mul(scale));
        return new INDArray[] {scale, shift};
    }

    private static DepthwiseConvolution2D depthwise(BatchNormalization bn) {
        return new DepthwiseConvolution2D.Builder(1, 1)
                .nIn(bn.getNOut()).depthMultiplier(1).dataFormat(bn.getCnn2DFormat())
                .convolutionMode(ConvolutionMode.Truncate)
                .activation(Activation.IDENTITY).hasBias(true)
                .weightInit(WeightInit.ZERO).biasInit(0).updater(new NoOp())
                .name(bn.getLayerName()).build();
    }

    private static ElementWiseMultiplicationLayer elementWise(BatchNormalization bn) {
        return new ElementWiseMultiplicationLayer.Builder()
                .nIn(bn.getNOut()).nOut(bn.getNOut())
                .activation(Activation.IDENTITY)
                .weightInit(WeightInit.ZERO).biasInit(0).updater(new NoOp())
                .name(bn.getLayerName()).build();
    }

    private static DenseLayer dense(BaseOutputLayer out, IActivation activation) {
        return new DenseLayer.Builder()
                .nIn(out.getNIn()).nOut(out.getNOut())
                .activation(activation).hasBias(out.hasBias())
                .weightInit(WeightInit.ZERO).biasInit(0).updater(new NoOp())
                .name(out.getLayerName()).build();
    }
}
