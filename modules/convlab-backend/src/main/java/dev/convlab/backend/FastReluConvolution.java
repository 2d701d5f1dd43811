package dev.convlab.backend;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's convolution layer with a ReLU activation, whose backward pass computes the ReLU gradient with
 * {@link ReluBackprop} instead of libnd4j's per-element relu_bp. Everything else is DL4J's own code.
 *
 * <p>How: DL4J's ConvolutionLayer.backpropGradient reads the activation from the layer's configuration, so for the
 * length of that call this layer puts {@link ReluBackprop#INSTANCE} there and then the ReLU it replaced again. The
 * swap happens on the training thread inside one layer's backward pass, where no listener runs and nothing saves
 * the configuration; the restore is in a {@code finally} and always writes the activation this layer was built
 * with, so even two networks sharing a configuration on two threads leave it as it was. A model saved at any other
 * moment holds DL4J's ActivationReLU.
 */
final class FastReluConvolution extends ConvolutionLayer {
    private final IActivation relu;

    /** A copy of {@code original} (same configuration, parameters, gradient views, helper and state). */
    FastReluConvolution(ConvolutionLayer original, DataType dataType) {
        super(original.conf(), dataType);
        copyState(original, this);
        this.relu = layerConf().getActivationFn();
        if (!ReluBackprop.replaces(relu)) {
            throw new IllegalArgumentException("not a plain ReLU convolution: " + relu);
        }
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer conf = layerConf();
        conf.setActivationFn(ReluBackprop.INSTANCE);
        try {
            return super.backpropGradient(epsilon, workspaceMgr);
        } finally {
            conf.setActivationFn(relu);
        }
    }

    /** Every instance field of DL4J's ConvolutionLayer and its superclasses, copied (shallow) from one to the other. */
    private static void copyState(ConvolutionLayer from, ConvolutionLayer to) {
        for (Class<?> c = ConvolutionLayer.class; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    field.set(to, field.get(from));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot copy " + c.getSimpleName() + "." + field.getName(), e);
                }
            }
        }
    }
}
