package dev.convlab.model;

import dev.convlab.config.layers.LayerSpec;

/**
 * One layer as convlab will build it: its Keras name and type, where it came from in the YAML, its input and output
 * shapes and its parameter counts. {@code dl4jIndex} is its index in the DL4J network, or -1 for a layer DL4J does
 * not need (flatten, which DL4J does with an input preprocessor).
 */
public record PlannedLayer(
        String name,
        String kerasType,
        String yamlPath,
        LayerSpec spec,
        TensorShape input,
        TensorShape output,
        long trainableParams,
        long nonTrainableParams,
        int dl4jIndex) {

    public long params() {
        return trainableParams + nonTrainableParams;
    }

    public boolean inDl4j() {
        return dl4jIndex >= 0;
    }
}
