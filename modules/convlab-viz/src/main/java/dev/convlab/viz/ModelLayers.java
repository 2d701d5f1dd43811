package dev.convlab.viz;

import dev.convlab.config.BadInput;
import dev.convlab.config.RunConfig;
import dev.convlab.config.layers.Conv2D;
import dev.convlab.model.ModelFactory;
import dev.convlab.model.ModelPlan;
import dev.convlab.model.PlannedLayer;
import dev.convlab.model.TensorShape;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A model's layers by their Keras names, as {@code convlab check} and the run's summary.txt list them, mapped to the
 * DL4J network's layer indices through the plan the network was built from.
 */
public final class ModelLayers {
    private static final Pattern VGG_FIRST_CONV = Pattern.compile("block\\d+_conv1");
    private final ModelPlan plan;
    private final List<ConvLayer> convolutions;

    private ModelLayers(ModelPlan plan, List<ConvLayer> convolutions) {
        this.plan = plan;
        this.convolutions = List.copyOf(convolutions);
    }

    /** The layers of {@code network}, which was built from {@code config} for {@code numClasses} classes. */
    public static ModelLayers of(RunConfig config, int numClasses, MultiLayerNetwork network) {
        return of(ModelFactory.plan(config, numClasses), network);
    }

    /**
     * The layers of {@code network} as {@code plan} names them.
     *
     * @throws BadInput when the plan does not describe the network (another layer count or other names)
     */
    public static ModelLayers of(ModelPlan plan, MultiLayerNetwork network) {
        List<ConvLayer> conv = new ArrayList<>();
        for (PlannedLayer layer : plan.layers()) {
            if (!layer.inDl4j()) {
                continue;
            }
            int index = layer.dl4jIndex();
            String actual = index < network.getnLayers()
                    ? network.getLayer(index).conf().getLayer().getLayerName() : null;
            if (!layer.name().equals(actual)) {
                throw new BadInput("model", "its config does not describe its network (the config's layer "
                        + layer.name() + " is " + (actual == null ? "missing" : "'" + actual + "'")
                        + " in the network)", "visualize the model with the config it was trained with");
            }
            if (layer.spec() instanceof Conv2D && layer.output() instanceof TensorShape.Maps m) {
                conv.add(new ConvLayer(layer.name(), index, m.height(), m.width(), m.channels()));
            }
        }
        return new ModelLayers(plan, conv);
    }

    public ModelPlan plan() {
        return plan;
    }

    /** DL4J's description of the network's input: the image, channels first. */
    public InputType inputType() {
        return InputType.convolutional(plan.input().height(), plan.input().width(), plan.input().channels());
    }

    /** The DL4J index of the output layer. */
    public int outputIndex() {
        return plan.output().dl4jIndex();
    }

    /** Every convolution layer, in order. */
    public List<ConvLayer> convolutions() {
        return convolutions;
    }

    /** What is shown when no layers are asked for: every convolution, or the first of each block for VGG names. */
    public List<ConvLayer> defaults() {
        List<ConvLayer> firstOfBlock = convolutions.stream()
                .filter(c -> VGG_FIRST_CONV.matcher(c.name()).matches()).toList();
        return firstOfBlock.isEmpty() ? convolutions : firstOfBlock;
    }

    /**
     * The convolution layers with these names, in the order given, each once.
     *
     * @throws BadInput for a name that is not a convolution layer of this model, listing those that are
     */
    public List<ConvLayer> select(List<String> names) {
        if (convolutions.isEmpty()) {
            throw new BadInput("model", "has no convolution layer", "visualize a model with conv2d layers");
        }
        Set<String> wanted = new LinkedHashSet<>(names);
        List<ConvLayer> chosen = new ArrayList<>();
        for (String name : wanted) {
            ConvLayer found = convolutions.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
            if (found == null) {
                String what = plan.layer(name).map(l -> "'" + name + "' is a " + l.kerasType()
                        + " layer, not a convolution").orElse("no layer is named '" + name + "'");
                throw new BadInput("--layers", what, "the convolution layers are " + names());
            }
            chosen.add(found);
        }
        return chosen;
    }

    /** The convolution layers' names, comma separated. */
    public String names() {
        return String.join(", ", convolutions.stream().map(ConvLayer::name).toList());
    }
}
