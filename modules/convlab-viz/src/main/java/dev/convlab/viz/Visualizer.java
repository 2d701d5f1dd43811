package dev.convlab.viz;

import dev.convlab.config.BadInput;
import dev.convlab.config.Interpolation;
import dev.convlab.config.RunConfig;
import dev.convlab.data.augment.Standardizer;
import dev.convlab.train.ModelBundle;
import dev.convlab.viz.keras.ImportedModel;
import dev.convlab.viz.keras.KerasPreprocess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The pictures of one trained model, written into one folder: feature maps of an image, filters and class outputs
 * found by gradient ascent, the first layer's weights, and a saliency map. Each method writes its PNGs and returns
 * what it wrote.
 */
public final class Visualizer {
    /** Tiles per row of a grid. */
    public static final int COLUMNS = 8;
    private final MultiLayerNetwork network;
    private final ModelLayers layers;
    private final InputSpace space;
    private final List<String> labels;
    private final Interpolation interpolation;
    private final Path out;
    private final Map<Integer, InputGradient> gradients = new HashMap<>();
    private GradientAscent filterAscent = GradientAscent.FILTERS;
    private GradientAscent classAscent = GradientAscent.CLASSES;

    /** One file written, and what it shows (a phrase). */
    public record Written(Path file, String what) {
    }

    public Visualizer(MultiLayerNetwork network, ModelLayers layers, InputSpace space, List<String> labels,
                      Interpolation interpolation, Path out) {
        this.network = network;
        this.layers = layers;
        this.space = space;
        this.labels = List.copyOf(labels);
        this.interpolation = interpolation;
        this.out = out;
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * The pictures of a model file, fed as {@code config} (the config saved in the bundle, with any overrides)
     * says.
     *
     * @throws BadInput when the config does not describe the network, or asks for normalisation statistics the
     *                  model file does not have
     */
    public static Visualizer of(ModelBundle bundle, RunConfig config, Path out) {
        MultiLayerNetwork network = bundle.network();
        ModelLayers layers = ModelLayers.of(config, bundle.labels().size(), network);
        Standardizer standardizer;
        try {
            standardizer = new Standardizer(config.data().rescale(), config.data().augmentation(),
                    bundle.featurewise());
        } catch (IllegalArgumentException e) {
            throw new BadInput("model", "the config asks for featurewise normalisation but the model file has no"
                    + " training statistics", "retrain the model with this version of convlab");
        }
        InputSpace space = new InputSpace(config.data().inputShape(), standardizer, network.params().dataType());
        return new Visualizer(network, layers, space, bundle.labels(), config.data().interpolation(), out);
    }

    /**
     * The pictures of a Keras model imported from an .h5 file, fed as Keras's preprocess_input in {@code mode}
     * feeds it; images are resized with nearest neighbour, as Keras's load_img does by default.
     *
     * @param labels one per output unit (class names, or their indices)
     * @throws BadInput when the preprocessing does not fit the model's input (caffe and torch need 3 channels), or
     *                  the labels are not one per output
     */
    public static Visualizer of(ImportedModel model, KerasPreprocess mode, List<String> labels, Path out) {
        MultiLayerNetwork network = model.network();
        ModelLayers layers = ModelLayers.imported(network, model.input(), model.classes());
        mode.check(layers.input());
        if (labels.size() != layers.outputUnits()) {
            throw new BadInput("--class-names", labels.size() + " class names for the model's "
                    + layers.outputUnits() + " outputs", "give one name per output of " + model.file());
        }
        InputSpace space = new InputSpace(layers.input(), mode, network.params().dataType(), layers.channelsLast());
        return new Visualizer(network, layers, space, labels, Interpolation.NEAREST, out);
    }

    public Visualizer withSteps(int filterSteps, int classSteps) {
        filterAscent = filterAscent.withSteps(filterSteps);
        classAscent = classAscent.withSteps(classSteps);
        return this;
    }

    public ModelLayers layers() {
        return layers;
    }

    public InputSpace space() {
        return space;
    }

    public Path folder() {
        return out;
    }

    /** An image file as the network sees it. */
    public InputImage read(Path image) {
        return InputImage.read(image, space, interpolation);
    }

    /**
     * {@code feature-maps-<layer>.png} for each layer (its first {@code perLayer} channels), and
     * {@code feature-maps.png}: the image and each layer's most active map side by side.
     */
    public List<Written> featureMaps(InputImage image, List<ConvLayer> chosen, int perLayer) throws IOException {
        List<FeatureMaps.LayerMaps> maps = FeatureMaps.of(network, space.batch(image.input()), chosen,
                space.channelsLast());
        List<Written> written = new ArrayList<>();
        for (FeatureMaps.LayerMaps m : maps) {
            TileGrid grid = featureMapGrid(m, perLayer, image.file().getFileName().toString());
            Path file = out.resolve("feature-maps-" + fileName(m.layer().name()) + ".png");
            grid.write(file);
            written.add(new Written(file, grid.tiles().size() + " of " + m.channels() + " maps of "
                    + m.layer().name() + ", " + m.height() + "x" + m.width()));
        }
        List<Tile> row = new ArrayList<>();
        row.add(new Tile(image.raw(), space.shape().channels(), space.shape().height(), space.shape().width(),
                "input"));
        for (FeatureMaps.LayerMaps m : maps) {
            int c = m.strongest();
            row.add(Tile.grey(FeatureMaps.display(m.maps().get(c)), m.height(), m.width(),
                    m.layer().name() + " #" + c));
        }
        int side = Math.max(112, Math.min(256, Math.max(space.shape().height(), space.shape().width())));
        Path overview = out.resolve("feature-maps.png");
        TileGrid.sameSize("Feature maps of " + image.file().getFileName() + ": the most active map of each layer",
                row, side).write(overview);
        written.add(new Written(overview, "the image and the most active map of each of " + maps.size()
                + " layers"));
        return written;
    }

    /** The grid of one layer's maps: the first {@code perLayer} channels, each stretched to 0..255. */
    public static TileGrid featureMapGrid(FeatureMaps.LayerMaps maps, int perLayer, String imageName) {
        int n = Math.min(perLayer, maps.channels());
        List<Tile> tiles = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            tiles.add(Tile.grey(FeatureMaps.display(maps.maps().get(c)), maps.height(), maps.width(), "#" + c));
        }
        ConvLayer layer = maps.layer();
        return TileGrid.of(layer.name() + " " + layer.kerasShape() + ": maps 0-" + (n - 1) + " of "
                + maps.channels() + " for " + imageName, tiles, COLUMNS);
    }

    /** {@code filters-<layer>.png}: for each of the first {@code perLayer} filters, the input that excites it most. */
    public List<Written> filters(List<ConvLayer> chosen, int perLayer, long seed) throws IOException {
        List<Written> written = new ArrayList<>();
        for (ConvLayer layer : chosen) {
            int n = Math.min(perLayer, layer.channels());
            List<Tile> tiles = new ArrayList<>(n);
            int fromNoise = 0;
            int dead = 0;
            for (int c = 0; c < n; c++) {
                Filter f = filter(layer, c, seed);
                String mark = "";
                if (f.result().flatAtStart()) {
                    dead++;
                    mark = " dead";
                } else if (f.fromNoise()) {
                    fromNoise++;
                    mark = "*";
                }
                tiles.add(new Tile(Deprocess.keras(space.toRaw(f.result().image())), space.shape().channels(),
                        space.shape().height(), space.shape().width(), "#" + c + mark));
            }
            Path file = out.resolve("filters-" + fileName(layer.name()) + ".png");
            TileGrid.of(layer.name() + ": inputs that maximise the mean of filters 0-" + (n - 1) + " of "
                    + layer.channels() + " (" + filterAscent.steps() + " steps of gradient ascent"
                    + (fromNoise > 0 ? "; * from noise" : "") + ")", tiles, COLUMNS)
                    .write(file);
            written.add(new Written(file, n + " filters of " + layer.name()
                    + (fromNoise > 0 ? ", " + fromNoise + " started from noise" : "")
                    + (dead > 0 ? ", " + dead + " dead (no input tried excites them)" : "")));
        }
        return written;
    }

    /** A filter's image: the ascent's result, and whether it had to start from noise. */
    public record Filter(int channel, GradientAscent.Result result, boolean fromNoise) {
    }

    /**
     * Gradient ascent on the mean activation of one filter, from the seeded grey start, or, when grey does not
     * excite the filter at all (a ReLU that is off everywhere has no gradient to climb), from seeded noise.
     */
    public Filter filter(ConvLayer layer, int channel, long seed) {
        InputGradient g = gradientAt(layer.index());
        Objective mean = Objective.channelMean(channel, space.channelsLast());
        GradientAscent.Result r = filterAscent.run(g, mean, space, space.start(seed));
        if (!r.flatAtStart()) {
            return new Filter(channel, r, false);
        }
        return new Filter(channel, filterAscent.run(g, mean, space, space.noise(seed)), true);
    }

    /** {@code weights-<layer>.png}: the first {@code perLayer} kernels, 0 mid grey, each scaled by its own maximum. */
    public Written weights(ConvLayer layer, int perLayer) throws IOException {
        INDArray w = network.getLayer(layer.index()).getParam(DefaultParamInitializer.WEIGHT_KEY);
        if (w == null || w.rank() != 4) {
            throw new IllegalStateException(layer.name() + " has no 4-d kernel");
        }
        int nOut = (int) w.size(0);
        int nIn = (int) w.size(1);
        int kh = (int) w.size(2);
        int kw = (int) w.size(3);
        float[] all = w.castTo(DataType.FLOAT).dup('c').data().asFloat();
        int shown = nIn == 3 ? 3 : 1;
        int n = Math.min(perLayer, nOut);
        List<Tile> tiles = new ArrayList<>(n);
        for (int f = 0; f < n; f++) {
            int base = f * nIn * kh * kw;
            float max = 0;
            for (int i = 0; i < shown * kh * kw; i++) {
                max = Math.max(max, Math.abs(all[base + i]));
            }
            float[] px = new float[shown * kh * kw];
            for (int i = 0; i < px.length; i++) {
                // a BGR network's (caffe) input channel 0 is blue: shown in RGB order
                int from = shown == 3 && space.reversesChannels() ? (2 - i / (kh * kw)) * kh * kw + i % (kh * kw) : i;
                px[i] = max > 0 ? 127.5f + 127.5f * all[base + from] / max : 127.5f;
            }
            tiles.add(new Tile(px, shown, kh, kw, "#" + f));
        }
        Path file = out.resolve("weights-" + fileName(layer.name()) + ".png");
        TileGrid.of(layer.name() + ": kernels 0-" + (n - 1) + " of " + nOut + " (" + kh + "x" + kw
                + (nIn == 1 || nIn == 3 ? "" : ", input channel 0 of " + nIn) + "; grey = 0)", tiles, COLUMNS)
                .write(file);
        return new Written(file, n + " kernels of " + layer.name());
    }

    /**
     * The class a name or index means: the label itself, else a case-insensitive match, else an index.
     *
     * @throws BadInput naming the classes when nothing matches
     */
    public int classIndex(String nameOrIndex) {
        int exact = labels.indexOf(nameOrIndex);
        if (exact >= 0) {
            return exact;
        }
        List<Integer> loose = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).equalsIgnoreCase(nameOrIndex)) {
                loose.add(i);
            }
        }
        if (loose.size() == 1) {
            return loose.get(0);
        }
        try {
            int index = Integer.parseInt(nameOrIndex.trim());
            if (index >= 0 && index < labels.size()) {
                return index;
            }
        } catch (NumberFormatException e) {
            // not an index either
        }
        List<String> shown = labels.size() <= 30 ? labels : labels.subList(0, 30);
        throw new BadInput("--class-output", "'" + nameOrIndex + "' is not a class of this model",
                "give a class name or an index 0-" + (labels.size() - 1) + "; the classes are "
                        + String.join(", ", shown) + (labels.size() > 30 ? ", ..." : ""));
    }

    /** {@code class-<name>.png}: the input that maximises the class's score before softmax. */
    public Written classOutput(int cls, long seed) throws IOException {
        GradientAscent.Result r = classScore(cls, seed);
        String label = labels.get(cls);
        Tile tile = new Tile(Deprocess.keras(space.toRaw(r.image())), space.shape().channels(), space.shape().height(),
                space.shape().width(), label);
        Path file = out.resolve("class-" + fileName(label) + ".png");
        int side = Math.max(140, Math.min(256, Math.max(space.shape().height(), space.shape().width())));
        TileGrid.sameSize(String.format(Locale.ROOT, "class %d '%s': score before softmax %.2f -> %.2f", cls, label,
                r.startValue(), r.endValue()), List.of(tile), side).write(file);
        return new Written(file, String.format(Locale.ROOT, "class '%s', score %.2f -> %.2f (%d steps)", label,
                r.startValue(), r.endValue(), classAscent.steps()));
    }

    /** Gradient ascent on a class score (before softmax), with decay and blur, from the seeded grey start. */
    public GradientAscent.Result classScore(int cls, long seed) {
        return classAscent.run(gradientAt(layers.outputIndex()), classObjective(cls), space, space.start(seed));
    }

    /**
     * A class's score before the output activation: its unit, or for one sigmoid unit over two classes, the unit
     * for class 1 and its negative for class 0.
     */
    public Objective classObjective(int cls) {
        if (outputUnits() == 1 && labels.size() == 2) {
            return Objective.unit(0, cls == 1 ? 1 : -1);
        }
        return Objective.unit(cls, 1);
    }

    /** {@code saliency.png}: the image, the saliency of its predicted class, and the two overlaid. */
    public Written saliency(InputImage image) throws IOException {
        INDArray p = network.output(space.batch(image.input()), false);
        int cls;
        double probability;
        if (outputUnits() == 1 && labels.size() == 2) {
            double one = p.getDouble(0, 0);
            cls = one >= 0.5 ? 1 : 0;
            probability = cls == 1 ? one : 1 - one;
        } else {
            cls = p.argMax(1).getInt(0);
            probability = p.getDouble(0, cls);
        }
        Saliency s = Saliency.of(gradientAt(layers.outputIndex()), classObjective(cls), space, image.input());
        int c = space.shape().channels();
        int h = space.shape().height();
        int w = space.shape().width();
        List<Tile> row = List.of(new Tile(image.raw(), c, h, w, "input"),
                new Tile(Heat.colored(s.heat()), 3, h, w, "saliency"),
                new Tile(Heat.overlay(image.raw(), c, s.heat()), 3, h, w, "overlay"));
        int side = Math.max(140, Math.min(256, Math.max(h, w)));
        Path file = out.resolve("saliency.png");
        String label = labels.get(cls);
        TileGrid.sameSize(String.format(Locale.ROOT, "Saliency of '%s' (p = %.2f) for %s: |d score / d pixel|",
                label, probability, image.file().getFileName()), row, side).write(file);
        return new Written(file, String.format(Locale.ROOT, "saliency of the predicted class '%s' (p = %.2f)", label,
                probability));
    }

    /** The input gradient through layers 0..{@code index} (an output layer gives scores before softmax). */
    public synchronized InputGradient gradientAt(int index) {
        return gradients.computeIfAbsent(index, i -> InputGradient.at(network, layers.inputType(), i));
    }

    private int outputUnits() {
        return layers.outputUnits();
    }

    /** A layer or class name made safe for a file name. */
    static String fileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }
}
