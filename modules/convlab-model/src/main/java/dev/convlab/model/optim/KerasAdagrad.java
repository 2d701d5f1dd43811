package dev.convlab.model.optim;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Keras's Adagrad: the accumulator starts at initial_accumulator_value (0.1), acc += g^2;
 * w -= lr * g / sqrt(acc + epsilon). DL4J's AdaGrad starts at 0, which makes its first step lr * sign(g).
 */
public final class KerasAdagrad extends KerasUpdater {
    private static final long serialVersionUID = 1L;
    /** Keras's default; the config format does not expose it. */
    public static final double KERAS_INITIAL_ACCUMULATOR = 0.1;
    private final double initialAccumulator;
    private final double epsilon;

    public KerasAdagrad(double learningRate, double initialAccumulator, double epsilon) {
        this(learningRate, null, initialAccumulator, epsilon);
    }

    @JsonCreator
    public KerasAdagrad(@JsonProperty("learningRate") double learningRate,
                        @JsonProperty("learningRateSchedule") ISchedule learningRateSchedule,
                        @JsonProperty("initialAccumulator") double initialAccumulator,
                        @JsonProperty("epsilon") double epsilon) {
        super(learningRate, learningRateSchedule);
        this.initialAccumulator = initialAccumulator;
        this.epsilon = epsilon;
    }

    @Override
    protected List<String> stateNames() {
        return List.of("accumulator");
    }

    @Override
    protected double initialState(int index) {
        return initialAccumulator;
    }

    @Override
    protected void step(INDArray g, INDArray[] state, double lr, int t) {
        INDArray acc = state[0];
        acc.addi(g.mul(g));
        g.muli(lr).divi(Transforms.sqrt(acc.add(epsilon), false));
    }

    @Override
    protected boolean sameSettings(KerasUpdater other) {
        KerasAdagrad o = (KerasAdagrad) other;
        return o.initialAccumulator == initialAccumulator && o.epsilon == epsilon;
    }

    @Override
    public KerasAdagrad clone() {
        return new KerasAdagrad(learningRate, learningRateSchedule == null ? null : learningRateSchedule.clone(),
                initialAccumulator, epsilon);
    }

    @Override
    public String toString() {
        return "KerasAdagrad(lr=" + learningRate + ", initialAccumulator=" + initialAccumulator + ", epsilon=" + epsilon + ")";
    }
}
