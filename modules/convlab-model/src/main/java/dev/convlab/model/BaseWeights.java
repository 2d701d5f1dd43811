package dev.convlab.model;

import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Copies a base network's weights into the layers a plan keeps of it. */
final class BaseWeights {
    private BaseWeights() {
    }

    static void copy(ModelPlan plan, MultiLayerNetwork from, MultiLayerNetwork to) {
        for (PlannedLayer layer : plan.layers().subList(0, plan.transfer().kept())) {
            if (!layer.inDl4j()) {
                continue;
            }
            int i = layer.dl4jIndex();
            if (i >= from.getnLayers()) {
                throw new IllegalStateException(plan.transfer().from() + " has " + from.getnLayers()
                        + " DL4J layers; " + layer.name() + " is layer " + i);
            }
            INDArray source = from.getLayer(i).params();
            INDArray target = to.getLayer(i).params();
            if (empty(source) && empty(target)) {
                continue; // pooling, dropout, activation: nothing to copy
            }
            if (empty(source) || empty(target) || !Arrays.equals(source.shape(), target.shape())) {
                throw new IllegalStateException(layer.name() + ": " + plan.transfer().from() + " holds "
                        + (empty(source) ? "no" : Arrays.toString(source.shape())) + " parameters, the new network "
                        + (empty(target) ? "none" : Arrays.toString(target.shape())));
            }
            target.assign(source.castTo(target.dataType()));
        }
    }

    private static boolean empty(INDArray a) {
        return a == null || a.isEmpty();
    }
}
