package dev.convlab.model;

import dev.convlab.config.layers.Conv2D;
import dev.convlab.config.optim.OptimizerSpec;
import dev.convlab.model.TensorShape.Maps;
import dev.convlab.model.optim.Optimizers;

/**
 * Estimates training memory, float32 (4 bytes) throughout, with P all parameters, T the trainable ones, B the
 * batch size and k the optimizer's state arrays per trainable parameter:
 * <pre>
 *   parameters            4 P
 *   gradients             4 P                      DL4J keeps one flat gradient array as large as the parameters
 *   updater state         4 k T                    sgd 0; momentum, rmsprop, adagrad 1; adam, adamax, nadam, adadelta 2; amsgrad 3
 *   activations           4 B (input + sum of every DL4J layer's output)   kept from the forward pass for backprop
 *   activation gradients  4 B (the same sum)       an upper bound: DL4J frees them layer by layer
 *   convolution workspace 4 B max(outH outW kh kw inChannels)   the largest im2col buffer of a convolution
 *   margin                25% of the above         ND4J workspaces over-allocate; the JVM and native libraries need room
 * </pre>
 */
public final class MemoryEstimator {
    static final double MARGIN = 0.25;
    private static final long FLOAT = Float.BYTES;

    private MemoryEstimator() {
    }

    public static MemoryEstimate estimate(ModelPlan plan, OptimizerSpec optimizer, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        long params = plan.totalParams();
        int k = Optimizers.stateArraysPerParam(optimizer);
        long perExample = (long) plan.input().height() * plan.input().width() * plan.input().channels();
        long im2col = 0;
        for (PlannedLayer layer : plan.layers()) {
            if (layer.inDl4j()) {
                perExample += layer.output().size();
            }
            if (layer.spec() instanceof Conv2D c && layer.output() instanceof Maps out && layer.input() instanceof Maps in) {
                im2col = Math.max(im2col, (long) out.height() * out.width()
                        * c.kernelSize().height() * c.kernelSize().width() * in.channels());
            }
        }
        long parameterBytes = FLOAT * params;
        long gradientBytes = FLOAT * params;
        long updaterBytes = FLOAT * k * plan.trainableParams();
        long activationBytes = FLOAT * batchSize * perExample;
        long workspaceBytes = FLOAT * batchSize * im2col;
        long subtotal = parameterBytes + gradientBytes + updaterBytes + 2 * activationBytes + workspaceBytes;
        return new MemoryEstimate(batchSize, params, parameterBytes, gradientBytes, k, updaterBytes, activationBytes,
                activationBytes, workspaceBytes, Math.round(subtotal * MARGIN));
    }
}
