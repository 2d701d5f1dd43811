package dev.convlab.model.optim;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Keras's SGD with momentum and nesterov=false (heavy-ball): v = momentum * v - lr * g; w += v. DL4J has plain
 * Sgd and Nesterovs but not this.
 */
public final class SgdMomentum extends KerasUpdater {
    private static final long serialVersionUID = 1L;
    private final double momentum;

    public SgdMomentum(double learningRate, double momentum) {
        this(learningRate, null, momentum);
    }

    @JsonCreator
    public SgdMomentum(@JsonProperty("learningRate") double learningRate,
                       @JsonProperty("learningRateSchedule") ISchedule learningRateSchedule,
                       @JsonProperty("momentum") double momentum) {
        super(learningRate, learningRateSchedule);
        this.momentum = momentum;
    }

    public double getMomentum() {
        return momentum;
    }

    @Override
    protected List<String> stateNames() {
        return List.of("velocity");
    }

    @Override
    protected void step(INDArray g, INDArray[] state, double lr, int t) {
        INDArray v = state[0];
        v.muli(momentum).subi(g.mul(lr));
        g.assign(v).negi(); // DL4J subtracts the step: w - (-v) = w + v
    }

    @Override
    protected boolean sameSettings(KerasUpdater other) {
        return ((SgdMomentum) other).momentum == momentum;
    }

    @Override
    public SgdMomentum clone() {
        return new SgdMomentum(learningRate, learningRateSchedule == null ? null : learningRateSchedule.clone(), momentum);
    }

    @Override
    public String toString() {
        return "SgdMomentum(lr=" + learningRate + ", momentum=" + momentum + ")";
    }
}
