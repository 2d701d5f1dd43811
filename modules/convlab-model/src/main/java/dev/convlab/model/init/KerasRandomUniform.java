package dev.convlab.model.init;

import java.util.Objects;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/** Keras's RandomUniform: U(minval, maxval), by default U(-0.05, 0.05) (DL4J's UNIFORM scales with the fan-in). */
public final class KerasRandomUniform implements IWeightInit {
    private static final long serialVersionUID = 1L;
    private final double minval;
    private final double maxval;

    @JsonCreator
    public KerasRandomUniform(@JsonProperty("minval") double minval, @JsonProperty("maxval") double maxval) {
        this.minval = minval;
        this.maxval = maxval;
    }

    public static KerasRandomUniform kerasDefault() {
        return new KerasRandomUniform(-0.05, 0.05);
    }

    @Override
    public INDArray init(double fanIn, double fanOut, long[] shape, char order, INDArray paramView) {
        Sampling.uniform(paramView, minval, maxval);
        return paramView.reshape(order, shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KerasRandomUniform k && k.minval == minval && k.maxval == maxval;
    }

    @Override
    public int hashCode() {
        return Objects.hash(minval, maxval);
    }

    @Override
    public String toString() {
        return "KerasRandomUniform(" + minval + ", " + maxval + ")";
    }
}
