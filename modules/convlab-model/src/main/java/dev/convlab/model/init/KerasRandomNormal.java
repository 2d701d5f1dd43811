package dev.convlab.model.init;

import java.util.Objects;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/** Keras's RandomNormal: N(mean, stddev), not truncated, by default N(0, 0.05). */
public final class KerasRandomNormal implements IWeightInit {
    private static final long serialVersionUID = 1L;
    private final double mean;
    private final double stddev;

    @JsonCreator
    public KerasRandomNormal(@JsonProperty("mean") double mean, @JsonProperty("stddev") double stddev) {
        this.mean = mean;
        this.stddev = stddev;
    }

    public static KerasRandomNormal kerasDefault() {
        return new KerasRandomNormal(0.0, 0.05);
    }

    @Override
    public INDArray init(double fanIn, double fanOut, long[] shape, char order, INDArray paramView) {
        Sampling.normal(paramView, mean, stddev);
        return paramView.reshape(order, shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KerasRandomNormal k && k.mean == mean && k.stddev == stddev;
    }

    @Override
    public int hashCode() {
        return Objects.hash(mean, stddev);
    }

    @Override
    public String toString() {
        return "KerasRandomNormal(" + mean + ", " + stddev + ")";
    }
}
