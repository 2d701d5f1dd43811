package dev.convlab.viz.keras;

import dev.convlab.config.BadInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.modelimport.keras.KerasSequentialModel;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Loads a Keras HDF5 file with DL4J's Keras import:
 * <ul>
 *   <li>a whole model ({@code model.save('x.h5')}: the root has a model_config attribute). A Sequential model goes
 *       through {@link KerasModelImport#importKerasSequentialModelAndWeights(String, boolean)}; a functional model
 *       whose layers form one chain (VGG16's do) is turned into the same Sequential config first, its weights read
 *       by DL4J's reader from model_weights/;</li>
 *   <li>a weights-only file ({@code model.save_weights()}, or keras.applications' downloads such as
 *       vgg16_weights_tf_dim_ordering_tf_kernels.h5: a layer_names attribute and no model_config), paired with a
 *       model JSON ({@code model.to_json()}): the one given, or Keras's VGG16, which convlab ships
 *       ({@link #vgg16Json()}).</li>
 * </ul>
 * Every problem (no such file, not HDF5, not Keras, a layer DL4J cannot import, weights that do not fit) is a
 * {@link BadInput} naming the file and why. Training settings in the file are ignored: the model is only run.
 */
public final class KerasModelFile {
    /** Keras's VGG16 with include_top=True, as keras_applications' vgg16.py builds it. */
    public static final String VGG16_RESOURCE = "/dev/convlab/viz/keras/vgg16.json";
    private static final String VGG16_NAME = "Keras's VGG16 (what a weights-only file is paired with unless"
            + " --model-json names another model)";
    private static final String FIX = "give a Keras .h5 file: a whole model (model.save) or a weights file"
            + " (model.save_weights, or one keras.applications downloads)";

    private KerasModelFile() {
    }

    /** Whether a path names a Keras HDF5 file, by its extension (.h5, .hdf5, .keras.h5). */
    public static boolean isKerasFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".h5") || name.endsWith(".hdf5");
    }

    /**
     * @param file      the .h5 file
     * @param modelJson for a weights-only file, the model's JSON; null for Keras's VGG16 (and for a whole model)
     * @throws BadInput naming the file (or --model-json) and why it cannot be loaded
     */
    public static ImportedModel load(Path file, Path modelJson) {
        String where = file.toString();
        checkHdf5(file);
        String json;
        String version = null;
        String backend = null;
        boolean whole;
        try (Hdf5File h5 = Hdf5File.open(file)) {
            whole = h5.hasAttribute("/", "model_config");
            if (whole) {
                if (modelJson != null) {
                    throw new BadInput("--model-json", "is for weights-only files, and " + where
                            + " is a whole model with its own config", "leave --model-json out");
                }
                json = h5.string("/", "model_config");
                version = h5.hasAttribute("/", "keras_version") ? h5.string("/", "keras_version") : null;
                backend = h5.hasAttribute("/", "backend") ? h5.string("/", "backend") : null;
            } else if (h5.hasAttribute("/", "layer_names")) {
                // a model.to_json() of Keras 2 always says its version; a JSON without one is taken as Keras 2's
                json = modelJson != null ? readJson(modelJson) : vgg16Json();
                version = "2";
            } else {
                throw new BadInput(where, "is an HDF5 file but not a Keras model or weights file (it has neither a"
                        + " model_config nor a layer_names attribute)", FIX);
            }
            String model = modelJson != null ? "the model of " + modelJson : VGG16_NAME;
            KerasConfig config = config(json, version, backend, modelJson != null ? modelJson.toString() : where, "");
            if (whole) {
                return wholeModel(file, config);
            }
            return weightsOnly(file, h5, config, model, modelJson != null ? modelJson.toString() : where);
        } catch (Hdf5File.Hdf5Exception e) {
            throw new BadInput(where, "cannot be read: " + e.getMessage(), FIX, e);
        }
    }

    /** The summary of a model JSON, without weights: layers, output shapes and parameter counts. */
    public static KerasSummary summary(String modelJson, String source) {
        KerasConfig config = config(modelJson, "2", null, source, "");
        KerasSequentialModel model = build(config, null, null, source);
        try {
            return summaryOf(config, model);
        } catch (InvalidKerasConfigurationException | UnsupportedKerasConfigurationException | RuntimeException e) {
            throw notImported(source, e);
        }
    }

    /** The JSON of Keras's VGG16 (include_top=True, 224x224x3, 1000 classes), as {@code model.to_json()} gives it. */
    public static String vgg16Json() {
        try (InputStream in = KerasModelFile.class.getResourceAsStream(VGG16_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(VGG16_RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportedModel wholeModel(Path file, KerasConfig config) {
        String where = file.toString();
        String what = "a whole Keras model (" + config.className() + (config.kerasVersion() != null
                ? ", Keras " + config.kerasVersion() : "") + ")";
        try {
            MultiLayerNetwork network;
            KerasSequentialModel model;
            if (config.className().equals("Sequential")) {
                network = KerasModelImport.importKerasSequentialModelAndWeights(where, false);
                model = build(config, null, null, where);
            } else {
                Hdf5Archive archive;
                synchronized (Hdf5Archive.LOCK_OBJECT) {
                    archive = new Hdf5Archive(where);
                }
                try {
                    model = build(config, archive, "model_weights", where);
                } finally {
                    archive.close();
                }
                network = model.getMultiLayerNetwork(true);
            }
            return imported(file, what, network, config, model);
        } catch (IOException | InvalidKerasConfigurationException | UnsupportedKerasConfigurationException
                 | RuntimeException e) {
            if (e instanceof BadInput bad) {
                throw bad;
            }
            throw notImported(where, e);
        }
    }

    private static ImportedModel weightsOnly(Path file, Hdf5File h5, KerasConfig config, String modelName,
                                             String source) {
        String where = file.toString();
        KerasSequentialModel model = build(config, null, null, source);
        try {
            KerasWeights.load(h5, model.getLayersOrdered());
        } catch (KerasWeights.Mismatch e) {
            throw new BadInput(where, "does not fit " + modelName + ": " + e.getMessage(),
                    "pair a weights file with the JSON of the model that saved it (--model-json)", e);
        }
        try {
            MultiLayerNetwork network = model.getMultiLayerNetwork(true);
            return imported(file, "Keras weights, with " + modelName, network, config, model);
        } catch (InvalidKerasConfigurationException | UnsupportedKerasConfigurationException | RuntimeException e) {
            if (e instanceof BadInput bad) {
                throw bad;
            }
            throw notImported(where, e);
        }
    }

    private static ImportedModel imported(Path file, String what, MultiLayerNetwork network, KerasConfig config,
                                          KerasSequentialModel model)
            throws InvalidKerasConfigurationException, UnsupportedKerasConfigurationException {
        String first = model.getLayersOrdered().get(0).getLayerName();
        InputType input = model.getOutputTypes().get(first);
        if (!(input instanceof InputType.InputTypeConvolutional image)
                || (image.getChannels() != 1 && image.getChannels() != 3)) {
            throw new BadInput(file.toString(), "takes input of shape " + input + ", not an image of 1 or 3"
                    + " channels", "visualize an image model");
        }
        return new ImportedModel(file, what, network, image, classes(config, model), summaryOf(config, model));
    }

    private static KerasSummary summaryOf(KerasConfig config, KerasSequentialModel model)
            throws InvalidKerasConfigurationException, UnsupportedKerasConfigurationException {
        List<String> names = new ArrayList<>();
        for (KerasLayer layer : model.getLayersOrdered()) {
            names.add(layer.getLayerName());
        }
        return KerasSummary.of(config.name(), names, classes(config, model), model.getOutputTypes(),
                model.getMultiLayerConfiguration());
    }

    private static Map<String, String> classes(KerasConfig config, KerasSequentialModel model) {
        Map<String, String> classes = new LinkedHashMap<>();
        for (KerasLayer layer : model.getLayersOrdered()) {
            classes.put(layer.getLayerName(), config.classes().getOrDefault(layer.getLayerName(),
                    layer.getClassName()));
        }
        return classes;
    }

    /** The layers of DL4J's Keras import for a config, with the weights of {@code archive} when it is given. */
    private static KerasSequentialModel build(KerasConfig config, Hdf5Archive archive, String root, String source) {
        try {
            return new KerasSequentialModel(config.sequentialJson(), null, archive, root, null, null, false, null);
        } catch (IOException | InvalidKerasConfigurationException | UnsupportedKerasConfigurationException
                 | RuntimeException e) {
            throw notImported(source, e);
        }
    }

    private static KerasConfig config(String json, String version, String backend, String source, String note) {
        try {
            return KerasConfig.parse(json, version, backend);
        } catch (KerasConfig.NotAStack e) {
            throw new BadInput(source, "cannot be visualized: " + e.getMessage() + note,
                    "convlab visualize reads Sequential models and functional models whose layers form one chain");
        }
    }

    private static BadInput notImported(String source, Exception e) {
        String why = KerasWeights.firstLine(e.getMessage());
        if (e instanceof UnsupportedKerasConfigurationException) {
            return new BadInput(source, "uses what DL4J's Keras import does not support: " + why,
                    "see DL4J's list of supported Keras layers", e);
        }
        return new BadInput(source, "cannot be imported by DL4J's Keras import: " + why, FIX, e);
    }

    private static void checkHdf5(Path file) {
        String where = file.toString();
        if (!Files.exists(file)) {
            throw new BadInput(where, "no such model file", "check the path");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInput(where, "is not a file", "check the path");
        }
        try {
            if (!Hdf5File.looksLikeHdf5(file)) {
                throw new BadInput(where, "is not an HDF5 file (it does not start with the HDF5 signature)", FIX);
            }
        } catch (IOException e) {
            throw new BadInput(where, "cannot be read (" + e.getMessage() + ")", "check its permissions", e);
        }
    }

    private static String readJson(Path json) {
        if (!Files.isRegularFile(json)) {
            throw new BadInput(json.toString(), Files.exists(json) ? "is not a file" : "no such model JSON file",
                    "give the JSON that model.to_json() wrote");
        }
        try {
            return Files.readString(json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInput(json.toString(), "cannot be read (" + e.getMessage() + ")", "check its permissions", e);
        }
    }
}
