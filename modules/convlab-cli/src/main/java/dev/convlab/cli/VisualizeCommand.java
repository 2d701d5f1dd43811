package dev.convlab.cli;

import dev.convlab.backend.Backends;
import dev.convlab.config.BackendKind;
import dev.convlab.config.BadInput;
import dev.convlab.config.ConfigProblem;
import dev.convlab.viz.ConvLayer;
import dev.convlab.viz.InputImage;
import dev.convlab.viz.Visualizer;
import dev.convlab.viz.keras.ClassIndex;
import dev.convlab.viz.keras.ImportedModel;
import dev.convlab.viz.keras.KerasModelFile;
import dev.convlab.viz.keras.KerasPreprocess;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Pictures of what a trained network learned. */
@Command(name = "visualize", description = {
        "Show what a trained network learned, as PNG files:",
        "  --feature-maps  each layer's activations for --image",
        "  --filters       the inputs that excite filters most (gradient ascent),",
        "                  and the first convolution's kernels",
        "  --class-output  the inputs that maximise class scores before softmax",
        "  --saliency      which pixels of --image the predicted class depends on",
        "With none of these: --filters, plus --feature-maps and --saliency with --image.",
        "Layers go by the model summary's names: conv2d, conv2d_1, ..., block1_conv1, ...",
        "MODEL is a convlab model.zip, or a Keras .h5 file read by DL4J's Keras import: a whole",
        "model (model.save), or a weights file paired with Keras's VGG16 or with --model-json."})
final class VisualizeCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "MODEL",
            description = "a model.zip written by convlab train, or a Keras .h5/.hdf5 file")
    Path model;
    @Option(names = "--preprocess", paramLabel = "MODE",
            description = ".h5 models: Keras's preprocess_input mode, caffe (VGG16, VGG19, ResNet50: RGB to BGR minus"
                    + " the ImageNet means), tf, torch or none (default caffe)")
    String preprocess;
    @Option(names = "--class-names", paramLabel = "FILE",
            description = ".h5 models: class names, a JSON file like Keras's imagenet_class_index.json"
                    + " (default: classes go by index)")
    Path classNames;
    @Option(names = "--model-json", paramLabel = "FILE",
            description = ".h5 weights-only files: the model's JSON (model.to_json()); default: Keras's VGG16")
    Path modelJson;
    @Option(names = "--image", paramLabel = "IMG",
            description = "an image file, read and resized as training read its images")
    Path image;
    @Option(names = "--feature-maps", description = "the activations of each layer for --image")
    boolean featureMaps;
    @Option(names = "--filters", description = "for each filter, the input that maximises its mean activation")
    boolean filters;
    @Option(names = "--class-output", arity = "1..*", paramLabel = "CLASS",
            description = "the input that maximises each class's score before softmax (class names or indices)")
    List<String> classes;
    @Option(names = "--saliency", description = "which pixels of --image the predicted class depends on most")
    boolean saliency;
    @Option(names = "--layers", split = ",", paramLabel = "LAYER",
            description = "convolution layers to show (default: all, or the first of each VGG block)")
    List<String> layers;
    @Option(names = "--per-layer", paramLabel = "N", defaultValue = "8",
            description = "maps or filters shown per layer, the first N (default ${DEFAULT-VALUE})")
    int perLayer;
    @Option(names = "--steps", paramLabel = "N",
            description = "gradient ascent steps (default: 40 for filters, 100 for class outputs)")
    Integer steps;
    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "seed of the noisy grey image gradient ascent starts from (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = {"-o", "--output"}, paramLabel = "OUT_DIR",
            description = "folder for the PNGs (default: visualize/ in the model's run directory)")
    Path output;
    @Mixin
    ConfigOptions options;
    @Mixin
    ThreadsOption threads;
    @Mixin
    Common common;

    @Override
    public Integer call() {
        threads.apply(spec.commandLine());
        if (perLayer < 1) {
            throw new BadInput("--per-layer", perLayer + " is not a count", "use 1 or more");
        }
        if (steps != null && steps < 1) {
            throw new BadInput("--steps", steps + " is not a step count", "use 1 or more");
        }
        if (!featureMaps && !filters && classes == null && !saliency) {
            filters = true;
            featureMaps = image != null;
            saliency = image != null;
        }
        if ((featureMaps || saliency) && image == null) {
            throw new BadInput(featureMaps ? "--feature-maps" : "--saliency", "needs an image",
                    "add --image IMG");
        }
        if (image != null && !Files.isRegularFile(image)) {
            throw new BadInput(image.toString(), Files.exists(image) ? "is not a file" : "no such image file",
                    "check the path");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path folder = output != null ? output : defaultFolder(model);
        Visualizer viz = KerasModelFile.isKerasFile(model) ? keras(out, folder) : bundle(folder);
        if (steps != null) {
            viz.withSteps(steps, steps);
        }
        List<ConvLayer> chosen = layers != null ? viz.layers().select(layers) : viz.layers().defaults();
        if (chosen.isEmpty() && (featureMaps || filters)) {
            throw new BadInput(model.toString(), "has no convolution layer",
                    "use --class-output or --saliency, which need none");
        }
        List<Integer> classIndices = new ArrayList<>();
        for (String c : classes != null ? classes : List.<String>of()) {
            classIndices.add(viz.classIndex(c));
        }
        InputImage input = image != null ? viz.read(image) : null;
        createFolder(folder);
        try {
            if (featureMaps) {
                print(out, viz.featureMaps(input, chosen, perLayer));
            }
            if (filters) {
                ConvLayer first = viz.layers().convolutions().get(0);
                if (chosen.contains(first)) {
                    print(out, List.of(viz.weights(first, perLayer)));
                }
                for (ConvLayer layer : chosen) {
                    print(out, viz.filters(List.of(layer), perLayer, seed));
                }
            }
            for (int c : classIndices) {
                print(out, List.of(viz.classOutput(c, seed)));
            }
            if (saliency) {
                print(out, List.of(viz.saliency(input)));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new BadInput(folder.toString(), "cannot be written (" + e.getMessage() + ")",
                    "give a writable folder with -o", e);
        }
        return ExitCode.OK;
    }

    /** A convlab model.zip, fed as the config saved in it (with any --set) says. */
    private Visualizer bundle(Path folder) {
        for (String keras : new String[] {preprocess != null ? "--preprocess" : null,
                classNames != null ? "--class-names" : null, modelJson != null ? "--model-json" : null}) {
            if (keras != null) {
                throw new BadInput(keras, "is for Keras .h5 models, and " + model + " is not one",
                        "a convlab model.zip is fed as the config saved in it says; leave " + keras + " out");
            }
        }
        ModelFile file = ModelFile.open(model, options);
        try {
            return Visualizer.of(file.bundle(), file.config().config(), folder);
        } catch (ConfigProblem problem) {
            throw file.config().locate(problem);
        }
    }

    /** A Keras .h5 file, imported with DL4J's Keras import, fed as preprocess_input in --preprocess's mode feeds. */
    private Visualizer keras(PrintWriter out, Path folder) {
        if (!options.sets.isEmpty()) {
            throw new BadInput("--set", "changes a convlab config, and " + model + " is a Keras model",
                    "leave --set out");
        }
        KerasPreprocess mode = preprocess != null ? KerasPreprocess.of(preprocess) : KerasPreprocess.CAFFE;
        Backends.init(options.backend != null ? options.backend : BackendKind.AUTO);
        ImportedModel imported = KerasModelFile.load(model, modelJson);
        int outputs = outputUnits(imported);
        List<String> labels = classNames != null ? ClassIndex.read(classNames, outputs) : ClassIndex.indices(outputs);
        out.println("model: " + model + ": " + imported.description());
        out.print(imported.summary().text());
        out.println("input: " + imported.input().getHeight() + "x" + imported.input().getWidth() + "x"
                + imported.input().getChannels() + " (" + imported.input().getFormat() + "), preprocess " + mode
                + "; classes " + (classNames != null ? "named by " + classNames : "by index 0-" + (outputs - 1)));
        out.flush();
        return Visualizer.of(imported, mode, labels, folder);
    }

    private static int outputUnits(ImportedModel imported) {
        var last = imported.network().getLayer(imported.network().getnLayers() - 1).conf().getLayer();
        if (last instanceof org.deeplearning4j.nn.conf.layers.FeedForwardLayer f) {
            return (int) f.getNOut();
        }
        throw new BadInput(imported.file().toString(), "its last layer is not a dense layer of class scores",
                "visualize a classifier");
    }

    private static void print(PrintWriter out, List<Visualizer.Written> written) {
        for (Visualizer.Written w : written) {
            out.println("written: " + w.file() + "  (" + w.what() + ")");
        }
        out.flush();
    }

    /** visualize/ in the model's run directory: beside model.zip, or above checkpoints/ for a checkpoint. */
    static Path defaultFolder(Path model) {
        Path dir = model.toAbsolutePath().getParent();
        Path parent = dir.getParent();
        if (dir.getFileName() != null && dir.getFileName().toString().equals("checkpoints") && parent != null
                && Files.isRegularFile(parent.resolve("manifest.json"))) {
            dir = parent;
        }
        return dir.resolve("visualize");
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new BadInput(folder.toString(), "cannot be created (" + e.getMessage() + ")",
                    "give a writable folder with -o", e);
        }
    }
}
