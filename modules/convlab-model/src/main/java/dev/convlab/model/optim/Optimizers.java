package dev.convlab.model.optim;

import dev.convlab.config.optim.Adadelta;
import dev.convlab.config.optim.Adagrad;
import dev.convlab.config.optim.Adam;
import dev.convlab.config.optim.Adamax;
import dev.convlab.config.optim.Nadam;
import dev.convlab.config.optim.OptimizerSpec;
import dev.convlab.config.optim.RmsProp;
import dev.convlab.config.optim.Sgd;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

/**
 * Keras optimizer settings to the DL4J updater that takes Keras's step. Each mapping was checked step by step
 * against Keras's update formulas (see the tests); DL4J's updaters are used only where they agree.
 */
public final class Optimizers {
    private Optimizers() {
    }

    public static IUpdater toUpdater(OptimizerSpec spec) {
        if (spec instanceof Sgd s) {
            if (s.momentum() == 0.0) {
                return new org.nd4j.linalg.learning.config.Sgd(s.learningRate());
            }
            // DL4J's Nesterovs rewrites Keras's nesterov step (w += m*v - lr*g) in its v_prev form; same numbers.
            return s.nesterov() ? new Nesterovs(s.learningRate(), s.momentum()) : new SgdMomentum(s.learningRate(), s.momentum());
        } else if (spec instanceof RmsProp r) {
            return new KerasRmsProp(r.learningRate(), r.rho(), r.epsilon());
        } else if (spec instanceof Adagrad a) {
            return new KerasAdagrad(a.learningRate(), KerasAdagrad.KERAS_INITIAL_ACCUMULATOR, a.epsilon());
        } else if (spec instanceof Adadelta d) {
            return new AdaDelta(d.rho(), d.epsilon()); // learning rate fixed at 1.0, enforced by the config record
        } else if (spec instanceof Adam a) {
            return a.amsgrad() ? new AMSGrad(a.learningRate(), a.beta1(), a.beta2(), a.epsilon())
                    : new org.nd4j.linalg.learning.config.Adam(a.learningRate(), a.beta1(), a.beta2(), a.epsilon());
        } else if (spec instanceof Adamax a) {
            return new KerasAdamax(a.learningRate(), a.beta1(), a.beta2(), a.epsilon());
        } else if (spec instanceof Nadam n) {
            return new KerasNadam(n.learningRate(), n.beta1(), n.beta2(), n.epsilon());
        }
        throw new IllegalStateException("no updater for " + spec);
    }

    /** Arrays of state per trainable parameter the optimizer keeps (adam: 2, amsgrad: 3, plain sgd: 0). */
    public static int stateArraysPerParam(OptimizerSpec spec) {
        return Math.toIntExact(toUpdater(spec).stateSize(1));
    }
}
