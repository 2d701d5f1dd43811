package dev.convlab.model.optim;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * An updater whose step is written out from Keras's source. Its settings are the serialised fields of the
 * subclass; its per-parameter state lives in DL4J's updater view (so it is saved with the model), as
 * {@link #stateNames()} arrays of one value per parameter each.
 */
public abstract class KerasUpdater implements IUpdater {
    private static final long serialVersionUID = 1L;

    protected double learningRate;
    protected ISchedule learningRateSchedule;

    protected KerasUpdater(double learningRate, ISchedule learningRateSchedule) {
        this.learningRate = learningRate;
        this.learningRateSchedule = learningRateSchedule;
    }

    /** The per-parameter state arrays, in the order they sit in DL4J's updater view. */
    protected abstract List<String> stateNames();

    /** The value a state array starts at (Keras starts Adagrad's accumulator at 0.1, the others at 0). */
    protected double initialState(int index) {
        return 0.0;
    }

    /**
     * Turns {@code gradient} (in place) into the step DL4J subtracts from the parameters, updating {@code state}.
     * {@code t} is Keras's step number: 1 on the first update.
     */
    protected abstract void step(INDArray gradient, INDArray[] state, double lr, int t);

    /** Whether the subclass's own settings equal another's of the same class. */
    protected abstract boolean sameSettings(KerasUpdater other);

    @Override
    public abstract KerasUpdater clone();

    @Override
    public long stateSize(long numParams) {
        return stateNames().size() * numParams;
    }

    @Override
    public GradientUpdater<KerasUpdater> instantiate(INDArray viewArray, boolean initializeViewArray) {
        KerasGradientUpdater updater = new KerasGradientUpdater(this);
        updater.setStateViewArray(viewArray, new long[] {viewArray.length() / stateNames().size()}, 'c', initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater<KerasUpdater> instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        KerasGradientUpdater updater = new KerasGradientUpdater(this);
        updater.setState(updaterState, initializeStateArrays);
        return updater;
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule != null ? learningRateSchedule.valueAt(iteration, epoch) : learningRate;
    }

    public double getLearningRate() {
        return learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        this.learningRate = lr;
        this.learningRateSchedule = lrSchedule;
    }

    @Override
    public boolean equals(Object o) {
        // DL4J puts consecutive parameters with equal updaters into one updater block, so equality must be exact.
        return o != null && o.getClass() == getClass()
                && Double.compare(((KerasUpdater) o).learningRate, learningRate) == 0
                && Objects.equals(((KerasUpdater) o).learningRateSchedule, learningRateSchedule)
                && sameSettings((KerasUpdater) o);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), learningRate, learningRateSchedule);
    }
}
