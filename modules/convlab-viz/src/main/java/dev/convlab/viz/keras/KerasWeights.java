package dev.convlab.viz.keras;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weights of a weights-only Keras file ({@code model.save_weights()}, or the files keras.applications
 * downloads) handed to the layers of DL4J's Keras import. Two layouts are read: Keras 1's, which
 * vgg16_weights_tf_dim_ordering_tf_kernels.h5 has (a group per layer holding {@code block1_conv1_W_1:0} and
 * {@code block1_conv1_b_1:0}), and Keras 2's (a group per layer holding {@code block1_conv1/kernel:0} and
 * {@code block1_conv1/bias:0}). Each layer's group lists its weights in its {@code weight_names} attribute, in
 * order; a weight's name gives its parameter, Keras 1's names turned into Keras 2's (W: kernel, b: bias,
 * running_mean: moving_mean, running_std: moving_variance, which held the variance). DL4J's own reader gets the
 * Keras 1 names wrong for a Keras 2 config (it asks for "kernel" and finds "W"), hence this.
 */
final class KerasWeights {
    private static final Pattern TF_SUFFIX = Pattern.compile(":\\d+$");
    private static final Pattern COPY_SUFFIX = Pattern.compile("_\\d+$");
    private static final Map<String, String> KERAS1 = Map.of("W", "kernel", "b", "bias",
            "running_mean", "moving_mean", "running_std", "moving_variance");

    private KerasWeights() {
    }

    /** A failure to match the file's weights to the model's layers: which layer, and why. */
    static final class Mismatch extends RuntimeException {
        Mismatch(String message) {
            super(message);
        }
    }

    /**
     * Reads the weights of every layer of {@code ordered} (the model's layers in order) that has parameters from the groups at the root of
     * {@code file} and sets them on the layer.
     *
     * @throws Mismatch when a layer has no weights in the file, the file has weights for a layer the model does not
     *                  have, or a layer's weights are not the ones it takes
     */
    static void load(Hdf5File file, List<KerasLayer> ordered) {
        Map<String, KerasLayer> layers = new LinkedHashMap<>();
        for (KerasLayer layer : ordered) {
            layers.put(layer.getLayerName(), layer);
        }
        List<String> inFile = file.groups("/");
        for (String group : inFile) {
            KerasLayer layer = layers.get(group);
            boolean hasWeights = !weightNames(file, group).isEmpty();
            if (hasWeights && layer == null) {
                throw new Mismatch("the file has weights for a layer '" + group + "', which the model does not have");
            }
        }
        for (KerasLayer layer : layers.values()) {
            if (layer.getNumParams() == 0) {
                continue;
            }
            String name = layer.getLayerName();
            if (!inFile.contains(name)) {
                throw new Mismatch("the file has no weights for the model's layer '" + name + "' (the file's layers"
                        + " with weights: " + String.join(", ", withWeights(file, inFile)) + ")");
            }
            Map<String, INDArray> weights = new LinkedHashMap<>();
            for (String weight : weightNames(file, name)) {
                String path = name + "/" + weight;
                if (!file.exists(path)) {
                    throw new Mismatch("the file lists a weight '" + weight + "' of layer '" + name
                            + "' but does not have it");
                }
                weights.put(parameter(weight, name), file.floats(path));
            }
            try {
                layer.setWeights(weights);
            } catch (InvalidKerasConfigurationException e) {
                throw new Mismatch("the weights of layer '" + name + "' (" + String.join(", ", weights.keySet())
                        + ") are not those of its " + layer.getClassName() + " layer: " + firstLine(e.getMessage()));
            }
        }
    }

    /** Keras 2's name of a parameter from a weight's name: kernel, bias, gamma, moving_mean, ... */
    static String parameter(String weight, String layer) {
        String last = weight.substring(weight.lastIndexOf('/') + 1);
        last = TF_SUFFIX.matcher(last).replaceFirst("");
        if (last.startsWith(layer + "_")) {
            last = last.substring(layer.length() + 1);
        }
        last = COPY_SUFFIX.matcher(last).replaceFirst("");
        return KERAS1.getOrDefault(last, last);
    }

    private static List<String> withWeights(Hdf5File file, List<String> groups) {
        List<String> out = new ArrayList<>();
        for (String g : groups) {
            if (!weightNames(file, g).isEmpty()) {
                out.add(g);
            }
        }
        return out;
    }

    /** A layer group's weight_names: its weights in order (none when the attribute is missing or empty). */
    private static List<String> weightNames(Hdf5File file, String group) {
        return file.hasAttribute(group, "weight_names") ? file.strings(group, "weight_names") : List.of();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        String line = message.strip().lines().findFirst().orElse("");
        int see = line.indexOf(". For more information, see");
        return see >= 0 ? line.substring(0, see) : line;
    }
}
