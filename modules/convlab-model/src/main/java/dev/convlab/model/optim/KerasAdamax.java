package dev.convlab.model.optim;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Keras's Adamax: m += (g - m)(1 - beta_1); u = max(beta_2 u, |g|); w -= lr m / ((1 - beta_1^t)(u + epsilon)).
 * DL4J's AdaMax places epsilon differently.
 */
public final class KerasAdamax extends KerasUpdater {
    private static final long serialVersionUID = 1L;
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    public KerasAdamax(double learningRate, double beta1, double beta2, double epsilon) {
        this(learningRate, null, beta1, beta2, epsilon);
    }

    @JsonCreator
    public KerasAdamax(@JsonProperty("learningRate") double learningRate,
                       @JsonProperty("learningRateSchedule") ISchedule learningRateSchedule,
                       @JsonProperty("beta1") double beta1, @JsonProperty("beta2") double beta2,
                       @JsonProperty("epsilon") double epsilon) {
        super(learningRate, learningRateSchedule);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    protected List<String> stateNames() {
        return List.of("momentum", "norm");
    }

    @Override
    protected void step(INDArray g, INDArray[] state, double lr, int t) {
        INDArray m = state[0];
        INDArray u = state[1];
        m.addi(g.sub(m).muli(1 - beta1));
        u.assign(Transforms.max(u.mul(beta2), Transforms.abs(g, true), false));
        g.assign(m).muli(lr / (1 - Math.pow(beta1, t))).divi(u.add(epsilon));
    }

    @Override
    protected boolean sameSettings(KerasUpdater other) {
        KerasAdamax o = (KerasAdamax) other;
        return o.beta1 == beta1 && o.beta2 == beta2 && o.epsilon == epsilon;
    }

    @Override
    public KerasAdamax clone() {
        return new KerasAdamax(learningRate, learningRateSchedule == null ? null : learningRateSchedule.clone(),
                beta1, beta2, epsilon);
    }

    @Override
    public String toString() {
        return "KerasAdamax(lr=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon + ")";
    }
}
