package dev.convlab.model.optim;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Keras's RMSprop (momentum 0, not centered): v = rho * v + (1 - rho) * g^2; w -= lr * g / sqrt(v + epsilon).
 * DL4J's RmsProp adds epsilon outside the square root, which differs where v is small.
 */
public final class KerasRmsProp extends KerasUpdater {
    private static final long serialVersionUID = 1L;
    private final double rho;
    private final double epsilon;

    public KerasRmsProp(double learningRate, double rho, double epsilon) {
        this(learningRate, null, rho, epsilon);
    }

    @JsonCreator
    public KerasRmsProp(@JsonProperty("learningRate") double learningRate,
                        @JsonProperty("learningRateSchedule") ISchedule learningRateSchedule,
                        @JsonProperty("rho") double rho, @JsonProperty("epsilon") double epsilon) {
        super(learningRate, learningRateSchedule);
        this.rho = rho;
        this.epsilon = epsilon;
    }

    @Override
    protected List<String> stateNames() {
        return List.of("velocity");
    }

    @Override
    protected void step(INDArray g, INDArray[] state, double lr, int t) {
        INDArray v = state[0];
        v.muli(rho).addi(g.mul(g).muli(1 - rho));
        g.muli(lr).divi(Transforms.sqrt(v.add(epsilon), false));
    }

    @Override
    protected boolean sameSettings(KerasUpdater other) {
        KerasRmsProp o = (KerasRmsProp) other;
        return o.rho == rho && o.epsilon == epsilon;
    }

    @Override
    public KerasRmsProp clone() {
        return new KerasRmsProp(learningRate, learningRateSchedule == null ? null : learningRateSchedule.clone(), rho, epsilon);
    }

    @Override
    public String toString() {
        return "KerasRmsProp(lr=" + learningRate + ", rho=" + rho + ", epsilon=" + epsilon + ")";
    }
}
