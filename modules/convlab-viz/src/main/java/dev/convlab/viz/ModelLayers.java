package dev.convlab.viz;

import dev.convlab.config.BadInput;
import dev.convlab.config.ImageShape;
import dev.convlab.config.RunConfig;
import dev.convlab.config.layers.Conv2D;
import dev.convlab.model.ModelFactory;
import dev.convlab.model.ModelPlan;
import dev.convlab.model.PlannedLayer;
import dev.convlab.model.TensorShape;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A model's layers by their Keras names, mapped to the DL4J network's layer indices: for a convlab model through the
 * plan the network was built from (the names {@code convlab check} and the run's summary.txt list), for a Keras .h5
 * model through the layer names DL4J's Keras import keeps.
 */
public final class ModelLayers {
    private static final Pattern VGG_FIRST_CONV = Pattern.compile("block\\d+_conv1");
    private final ModelPlan plan;
    private final ImageShape input;
    private final boolean channelsLast;
    private final int outputIndex;
    private final int outputUnits;
    private final List<ConvLayer> convolutions;
    private final Function<String, Optional<String>> kerasType;

    private ModelLayers(ModelPlan plan, ImageShape input, boolean channelsLast, int outputIndex, int outputUnits,
                        List<ConvLayer> convolutions, Function<String, Optional<String>> kerasType) {
        this.plan = plan;
        this.input = input;
        this.channelsLast = channelsLast;
        this.outputIndex = outputIndex;
        this.outputUnits = outputUnits;
        this.convolutions = List.copyOf(convolutions);
        this.kerasType = kerasType;
    }

    /** The layers of {@code network}, which was built from {@code config} for {@code numClasses} classes. */
    public static ModelLayers of(RunConfig config, int numClasses, MultiLayerNetwork network) {
        return of(ModelFactory.plan(config, numClasses, dev.convlab.train.BaseModels.describe(config)), network);
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
        return new ModelLayers(plan, plan.input(), false, plan.output().dl4jIndex(), plan.outputUnits(), conv,
                name -> plan.layer(name).map(PlannedLayer::kerasType));
    }

    /**
     * The layers of a network DL4J's Keras import built: its convolution layers (DL4J keeps the Keras names), their
     * output shapes from the network's configuration.
     *
     * @param input   the network's input, in the model's own axis order
     * @param classes each Keras layer's class by name, for messages
     */
    public static ModelLayers imported(MultiLayerNetwork network, InputType.InputTypeConvolutional input,
                                       Map<String, String> classes) {
        List<InputType> types = network.getLayerWiseConfigurations().getLayerActivationTypes(input);
        List<ConvLayer> conv = new ArrayList<>();
        for (int i = 0; i < network.getnLayers(); i++) {
            org.deeplearning4j.nn.conf.layers.Layer layer = network.getLayer(i).conf().getLayer();
            if (layer instanceof ConvolutionLayer && types.get(i) instanceof InputType.InputTypeConvolutional t) {
                conv.add(new ConvLayer(layer.getLayerName(), i, (int) t.getHeight(), (int) t.getWidth(),
                        (int) t.getChannels()));
            }
        }
        int last = network.getnLayers() - 1;
        if (!(network.getLayer(last).conf().getLayer() instanceof FeedForwardLayer out)) {
            throw new BadInput("model", "its last layer is a " + network.getLayer(last).conf().getLayer()
                    .getClass().getSimpleName() + ", not a dense layer of class scores", "visualize a classifier");
        }
        ImageShape shape = new ImageShape((int) input.getHeight(), (int) input.getWidth(), (int) input.getChannels());
        return new ModelLayers(null, shape, input.getFormat() == CNN2DFormat.NHWC, last, (int) out.getNOut(), conv,
                name -> Optional.ofNullable(classes.get(name)));
    }

    /**
     * The convlab plan the network was built from.
     *
     * @throws IllegalStateException for an imported Keras model, which has none
     */
    public ModelPlan plan() {
        if (plan == null) {
            throw new IllegalStateException("an imported Keras model has no convlab plan");
        }
        return plan;
    }

    /** The input image: height, width, channels. */
    public ImageShape input() {
        return input;
    }

    /** Whether the network takes and gives NHWC arrays (a Keras channels_last model) rather than NCHW. */
    public boolean channelsLast() {
        return channelsLast;
    }

    /** DL4J's description of the network's input: the image, in the network's axis order. */
    public InputType inputType() {
        return InputType.convolutional(input.height(), input.width(), input.channels(),
                channelsLast ? CNN2DFormat.NHWC : CNN2DFormat.NCHW);
    }

    /** The DL4J index of the output layer. */
    public int outputIndex() {
        return outputIndex;
    }

    /** The output layer's units: one per class, or one sigmoid unit for two. */
    public int outputUnits() {
        return outputUnits;
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
                String what = kerasType.apply(name).map(t -> "'" + name + "' is a " + t
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
