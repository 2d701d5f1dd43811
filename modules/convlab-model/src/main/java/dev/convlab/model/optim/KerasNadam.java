package dev.convlab.model.optim;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Keras's Nadam (Dozat 2015, with Keras's momentum schedule u_t = beta_1 (1 - 0.5 * 0.96^t)). DL4J's Nadam has
 * neither the schedule nor the bias correction of v, so its steps are far larger early on.
 */
public final class KerasNadam extends KerasUpdater {
    private static final long serialVersionUID = 1L;
    /** Beyond this many steps 0.96^s is below 1e-18 and the schedule's product no longer changes in a double. */
    private static final int SCHEDULE_TERMS = 1100;
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    public KerasNadam(double learningRate, double beta1, double beta2, double epsilon) {
        this(learningRate, null, beta1, beta2, epsilon);
    }

    @JsonCreator
    public KerasNadam(@JsonProperty("learningRate") double learningRate,
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
        return List.of("momentum", "velocity");
    }

    private double u(int t) {
        return beta1 * (1.0 - 0.5 * Math.pow(0.96, t));
    }

    /** Keras keeps u_1 * ... * u_t in a variable; it depends on t alone, so it is recomputed rather than stored. */
    private double uProduct(int t) {
        double product = Math.pow(beta1, t);
        for (int s = 1; s <= Math.min(t, SCHEDULE_TERMS); s++) {
            product *= 1.0 - 0.5 * Math.pow(0.96, s);
        }
        return product;
    }

    @Override
    protected void step(INDArray g, INDArray[] state, double lr, int t) {
        INDArray m = state[0];
        INDArray v = state[1];
        double ut = u(t);
        double ut1 = u(t + 1);
        double productT = uProduct(t);
        double productT1 = productT * ut1;
        m.addi(g.sub(m).muli(1 - beta1));
        v.addi(g.mul(g).subi(v).muli(1 - beta2));
        INDArray mHat = m.mul(ut1 / (1 - productT1)).addi(g.mul((1 - ut) / (1 - productT)));
        INDArray denominator = Transforms.sqrt(v.div(1 - Math.pow(beta2, t)), false).addi(epsilon);
        g.assign(mHat.muli(lr).divi(denominator));
    }

    @Override
    protected boolean sameSettings(KerasUpdater other) {
        KerasNadam o = (KerasNadam) other;
        return o.beta1 == beta1 && o.beta2 == beta2 && o.epsilon == epsilon;
    }

    @Override
    public KerasNadam clone() {
        return new KerasNadam(learningRate, learningRateSchedule == null ? null : learningRateSchedule.clone(),
                beta1, beta2, epsilon);
    }

    @Override
    public String toString() {
        return "KerasNadam(lr=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon + ")";
    }
}
