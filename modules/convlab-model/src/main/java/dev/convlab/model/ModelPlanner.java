package dev.convlab.model;

import dev.convlab.config.ConfigProblem;
import dev.convlab.config.ImageShape;
import dev.convlab.config.Initializer;
import dev.convlab.config.Loss;
import dev.convlab.config.ModelConfig;
import dev.convlab.config.layers.Conv2D;
import dev.convlab.config.layers.Dense;
import dev.convlab.config.layers.Flatten;
import dev.convlab.config.layers.LayerSpec;
import dev.convlab.config.schema.Names;
import java.util.ArrayList;
import java.util.List;

/** Works out a {@link ModelPlan} from the config, failing at the first layer that cannot be built. */
final class ModelPlanner {
    private ModelPlanner() {
    }

    static ModelPlan plan(ModelConfig model, ImageShape input, int numClasses, Loss loss, BaseModel base) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be at least 1, got " + numClasses);
        }
        List<SourcedLayer> layers;
        Transfer transfer = null;
        if (model.base() != null) {
            if (base == null) {
                throw new IllegalStateException("model.base is set: plan with its loaded BaseModel");
            }
            BaseCut cut = BaseCut.of(model.base(), base, input);
            layers = new ArrayList<>(cut.layers());
            layers.addAll(listed(model));
            transfer = new Transfer(base.from(), cut.layers().size(), cut.frozen());
        } else {
            layers = model.vgg() != null ? VggExpansion.expand(model.vgg(), numClasses) : listed(model);
        }
        int outputAt = checkOutputIsLast(layers);
        KerasNames names = new KerasNames();
        TensorShape shape = new TensorShape.Maps(input.height(), input.width(), input.channels());
        List<PlannedLayer> planned = new ArrayList<>(layers.size());
        int dl4jIndex = 0;
        for (SourcedLayer layer : layers) {
            String name = names.assign(layer);
            checkBiasInitializer(layer);
            TensorShape out = LayerShapes.output(layer, shape);
            LayerParams params = LayerParams.of(layer.spec(), shape);
            if (transfer != null && planned.size() < transfer.frozen()) {
                params = new LayerParams(0, params.trainable() + params.nonTrainable()); // as Keras counts frozen layers
            }
            boolean inDl4j = !(layer.spec() instanceof Flatten);
            planned.add(new PlannedLayer(name, KerasNames.kerasType(layer.spec()), layer.origin().path(), layer.spec(),
                    shape, out, params.trainable(), params.nonTrainable(), inDl4j ? dl4jIndex++ : -1));
            shape = out;
        }
        OutputRules.check(layers.get(outputAt), planned.get(outputAt).name(), loss, numClasses);
        if (transfer != null && transfer.frozen() > outputAt) {
            throw new ConfigProblem("model.base.freeze_until", "it freezes the output layer "
                    + planned.get(outputAt).name() + ", so nothing would be trained",
                    "freeze up to a layer before it (keep_until keeps the base's output layer)");
        }
        return new ModelPlan(input, planned, loss, numClasses, transfer);
    }

    private static List<SourcedLayer> listed(ModelConfig model) {
        List<SourcedLayer> layers = new ArrayList<>();
        for (int i = 0; i < model.layers().size(); i++) {
            LayerSpec spec = model.layers().get(i);
            layers.add(new SourcedLayer(spec, Origin.listed(i, Names.of(spec.getClass()))));
        }
        return layers;
    }

    /** The last dense layer is the output (DL4J's OutputLayer carries the loss), so it must come last. */
    private static int checkOutputIsLast(List<SourcedLayer> layers) {
        if (layers.isEmpty()) {
            throw new ConfigProblem("model.layers", "the model has no layers", "add model.layers (a list)");
        }
        int last = -1;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).spec() instanceof Dense) {
                last = i;
            }
        }
        if (last < 0) {
            throw new ConfigProblem("model.layers", "the model has no dense layer to be its output",
                    "end model.layers with - dense: {units: <classes>, activation: softmax}");
        }
        if (last != layers.size() - 1) {
            throw new ConfigProblem(layers.get(last + 1).origin().path(),
                    "nothing may follow the output layer (the last dense layer, " + layers.get(last).origin().path() + ")",
                    "remove it, or put an activation on the last dense layer itself");
        }
        return last;
    }

    /** DL4J initialises a bias to one constant, so only Keras's constant initialisers can be honoured. */
    private static void checkBiasInitializer(SourcedLayer layer) {
        Initializer bias = null;
        if (layer.spec() instanceof Conv2D c && c.useBias()) {
            bias = c.biasInitializer();
        } else if (layer.spec() instanceof Dense d && d.useBias()) {
            bias = d.biasInitializer();
        }
        if (bias != null && bias != Initializer.ZEROS && bias != Initializer.ONES) {
            throw new ConfigProblem(layer.origin().key("bias_initializer"),
                    Names.of(bias) + " is not available for biases: DL4J sets every bias to one constant",
                    "use zeros (Keras's default) or ones");
        }
    }
}
