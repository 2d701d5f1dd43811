package dev.convlab.model;

import dev.convlab.config.ImageShape;
import dev.convlab.config.Loss;
import java.util.List;
import java.util.Optional;

/**
 * The network convlab will build, worked out by Keras's rules before DL4J is involved: every layer's name, shapes
 * and parameters. {@code numClasses} is the data's class count; the output layer has {@link #outputUnits()} units
 * (equal to it, or 1 for two classes with a sigmoid and binary_crossentropy, when labels are a single 0/1 column).
 * {@code transfer} is null, or says which first layers come from a base model and which of them are frozen.
 */
public record ModelPlan(ImageShape input, List<PlannedLayer> layers, Loss loss, int numClasses, Transfer transfer) {

    public ModelPlan {
        layers = List.copyOf(layers);
    }

    public ModelPlan(ImageShape input, List<PlannedLayer> layers, Loss loss, int numClasses) {
        this(input, layers, loss, numClasses, null);
    }

    /** Whether the layer at this position of {@link #layers()} keeps its base model's weights fixed. */
    public boolean frozen(int position) {
        return transfer != null && position < transfer.frozen();
    }

    public PlannedLayer output() {
        return layers.get(layers.size() - 1);
    }

    public int outputUnits() {
        return Math.toIntExact(output().output().size());
    }

    public long totalParams() {
        return layers.stream().mapToLong(PlannedLayer::params).sum();
    }

    public long trainableParams() {
        return layers.stream().mapToLong(PlannedLayer::trainableParams).sum();
    }

    public long nonTrainableParams() {
        return layers.stream().mapToLong(PlannedLayer::nonTrainableParams).sum();
    }

    public List<String> layerNames() {
        return layers.stream().map(PlannedLayer::name).toList();
    }

    public Optional<PlannedLayer> layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** The Keras-style summary table. */
    public String summary(String title) {
        return ModelSummary.text(this, title);
    }
}
