package dev.convlab.model.optim;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;

/** Runs a {@link KerasUpdater}'s step over one DL4J updater block, its state arrays being slices of the view. */
final class KerasGradientUpdater implements GradientUpdater<KerasUpdater> {
    private final KerasUpdater config;
    private INDArray[] state;

    KerasGradientUpdater(KerasUpdater config) {
        this.config = config;
    }

    @Override
    public KerasUpdater getConfig() {
        return config;
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        INDArray flat = viewArray.reshape(viewArray.length());
        int arrays = config.stateNames().size();
        long n = flat.length() / arrays;
        state = new INDArray[arrays];
        for (int i = 0; i < arrays; i++) {
            state[i] = flat.get(NDArrayIndex.interval(i * n, (i + 1) * n));
        }
        if (initialize) {
            initialize();
        }
    }

    @Override
    public void setState(Map<String, INDArray> stateMap, boolean initialize) {
        List<String> names = config.stateNames();
        if (!stateMap.keySet().equals(new HashSet<>(names))) {
            throw new IllegalStateException("state map should hold " + names + " but holds " + stateMap.keySet());
        }
        state = new INDArray[names.size()];
        for (int i = 0; i < names.size(); i++) {
            INDArray array = stateMap.get(names.get(i));
            state[i] = array.reshape(array.length());
        }
        if (initialize) {
            initialize();
        }
    }

    @Override
    public Map<String, INDArray> getState() {
        Map<String, INDArray> map = new LinkedHashMap<>();
        for (int i = 0; i < state.length; i++) {
            map.put(config.stateNames().get(i), state[i]);
        }
        return map;
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        if (state == null) {
            throw new IllegalStateException("updater has no state view yet");
        }
        INDArray flat = gradient.reshape(gradient.length());
        config.step(flat, state, config.getLearningRate(iteration, epoch), iteration + 1);
        if (flat.data() != gradient.data()) {
            // reshape had to copy (a non-contiguous gradient): write the step back
            gradient.assign(flat.reshape(gradient.ordering(), gradient.shape()));
        }
    }

    private void initialize() {
        for (int i = 0; i < state.length; i++) {
            state[i].assign(config.initialState(i));
        }
    }
}
