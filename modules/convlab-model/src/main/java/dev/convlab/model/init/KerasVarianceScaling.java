package dev.convlab.model.init;

import java.util.Objects;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Keras's VarianceScaling, which is what glorot_*, he_* and lecun_* are: with n the chosen fan, a uniform draw in
 * +-sqrt(3 * scale / n), or a normal truncated at two stddev with stddev sqrt(scale / n) / 0.87962566103423978
 * (the constant undoes the spread the truncation removes).
 */
public final class KerasVarianceScaling implements IWeightInit {
    private static final long serialVersionUID = 1L;
    /** Standard deviation of a standard normal truncated to [-2, 2]. */
    static final double TRUNCATED_STDDEV = 0.87962566103423978;

    public enum Mode { FAN_IN, FAN_OUT, FAN_AVG }

    public enum Distribution { UNIFORM, TRUNCATED_NORMAL }

    private final double scale;
    private final Mode mode;
    private final Distribution distribution;

    @JsonCreator
    public KerasVarianceScaling(@JsonProperty("scale") double scale, @JsonProperty("mode") Mode mode,
                                @JsonProperty("distribution") Distribution distribution) {
        this.scale = scale;
        this.mode = Objects.requireNonNull(mode);
        this.distribution = Objects.requireNonNull(distribution);
    }

    public static KerasVarianceScaling glorotUniform() {
        return new KerasVarianceScaling(1.0, Mode.FAN_AVG, Distribution.UNIFORM);
    }

    public static KerasVarianceScaling glorotNormal() {
        return new KerasVarianceScaling(1.0, Mode.FAN_AVG, Distribution.TRUNCATED_NORMAL);
    }

    public static KerasVarianceScaling heUniform() {
        return new KerasVarianceScaling(2.0, Mode.FAN_IN, Distribution.UNIFORM);
    }

    public static KerasVarianceScaling heNormal() {
        return new KerasVarianceScaling(2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL);
    }

    public static KerasVarianceScaling lecunUniform() {
        return new KerasVarianceScaling(1.0, Mode.FAN_IN, Distribution.UNIFORM);
    }

    public static KerasVarianceScaling lecunNormal() {
        return new KerasVarianceScaling(1.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL);
    }

    @Override
    public INDArray init(double fanIn, double fanOut, long[] shape, char order, INDArray paramView) {
        Fans fans = Fans.of(shape, fanIn, fanOut);
        double variance = scale / Math.max(1.0, fan(fans));
        if (distribution == Distribution.UNIFORM) {
            double limit = Math.sqrt(3.0 * variance);
            Sampling.uniform(paramView, -limit, limit);
        } else {
            Sampling.truncatedNormal(paramView, 0.0, Math.sqrt(variance) / TRUNCATED_STDDEV);
        }
        return paramView.reshape(order, shape);
    }

    private double fan(Fans fans) {
        return switch (mode) {
            case FAN_IN -> fans.in();
            case FAN_OUT -> fans.out();
            case FAN_AVG -> fans.avg();
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KerasVarianceScaling k && k.scale == scale && k.mode == mode && k.distribution == distribution;
    }

    @Override
    public int hashCode() {
        return Objects.hash(scale, mode, distribution);
    }

    @Override
    public String toString() {
        return "KerasVarianceScaling(scale=" + scale + ", mode=" + mode + ", distribution=" + distribution + ")";
    }
}
