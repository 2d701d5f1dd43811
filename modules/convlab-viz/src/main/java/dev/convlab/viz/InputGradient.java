package dev.convlab.viz;

import java.util.List;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient of an {@link Objective} on one layer's output with respect to the network's input, by
 * backpropagation through an {@link InferenceCopy} of the layers up to it: a forward pass in inference mode (layer
 * inputs kept), then DL4J's {@code backpropGradient} with the objective's gradient as the error, which returns the
 * error at the input.
 */
public final class InputGradient {
    private final MultiLayerNetwork copy;

    /** @param copy an {@link InferenceCopy} whose last layer is the one the objectives read */
    public InputGradient(MultiLayerNetwork copy) {
        this.copy = copy;
    }

    /** Through the layers 0..{@code layer} of {@code network}; a last output layer gives its scores before softmax. */
    public static InputGradient at(MultiLayerNetwork network, InputType input, int layer) {
        return new InputGradient(InferenceCopy.of(network, input, layer, true));
    }

    /** The objective's value at {@code input} and its gradient with respect to {@code input} (same shape). */
    public record Step(double value, INDArray gradient) {
    }

    /** @param input one image, [1, C, H, W], in the network's data type */
    public synchronized Step at(INDArray input, Objective objective) {
        copy.setInput(input);
        List<INDArray> activations = copy.feedForward(false, false);
        INDArray output = activations.get(activations.size() - 1);
        double value = objective.value(output);
        Pair<Gradient, INDArray> back = copy.backpropGradient(objective.gradient(output),
                LayerWorkspaceMgr.noWorkspaces());
        INDArray gradient = back.getSecond().dup();
        copy.clear();
        return new Step(value, gradient);
    }

    /** The last layer's output for {@code input}, in inference mode. */
    public synchronized INDArray output(INDArray input) {
        return copy.output(input, false);
    }

    /** The copy the gradients go through. */
    public MultiLayerNetwork network() {
        return copy;
    }
}
