package dev.convlab.model;

import dev.convlab.config.ConfigProblem;
import dev.convlab.config.layers.ActivationLayer;
import dev.convlab.config.layers.AveragePooling2D;
import dev.convlab.config.layers.BatchNormalization;
import dev.convlab.config.layers.Conv2D;
import dev.convlab.config.layers.Dense;
import dev.convlab.config.layers.Dropout;
import dev.convlab.config.layers.Flatten;
import dev.convlab.config.layers.GlobalAveragePooling2D;
import dev.convlab.config.layers.GlobalMaxPooling2D;
import dev.convlab.config.layers.LayerSpec;
import dev.convlab.config.layers.MaxPooling2D;
import dev.convlab.config.layers.ZeroPadding2D;
import dev.convlab.config.schema.Names;
import java.util.HashMap;
import java.util.Map;

/**
 * Layer names as Keras gives them: an unnamed layer takes its type's snake_case name, numbered from the second on
 * (dense, dense_1, ...); named layers do not use up a number. Names must be unique, as in a Keras Sequential model.
 */
final class KerasNames {
    private final Map<String, Integer> counters = new HashMap<>();
    private final Map<String, String> owners = new HashMap<>();

    String assign(SourcedLayer layer) {
        LayerSpec spec = layer.spec();
        String given = spec.name();
        if (given != null && given.isBlank()) {
            throw new ConfigProblem(layer.origin().key("name"), "a layer name must not be empty",
                    "remove name to get Keras's default, or give a non-empty name");
        }
        String name = given;
        if (name == null) {
            String prefix = Names.of(spec.getClass());
            int seen = counters.merge(prefix, 1, Integer::sum) - 1;
            name = seen == 0 ? prefix : prefix + "_" + seen;
        }
        String owner = owners.putIfAbsent(name, layer.origin().path());
        if (owner != null) {
            throw given != null
                    ? new ConfigProblem(layer.origin().key("name"), "the name '" + name + "' is already used by " + owner,
                            "choose another name")
                    : new ConfigProblem(layer.origin().path(), "its default name '" + name + "' is already taken by " + owner,
                            "give one of the two layers a different name");
        }
        return name;
    }

    /** The Keras class name a summary shows in its "(type)" column. */
    static String kerasType(LayerSpec spec) {
        if (spec instanceof Conv2D) {
            return "Conv2D";
        } else if (spec instanceof MaxPooling2D) {
            return "MaxPooling2D";
        } else if (spec instanceof AveragePooling2D) {
            return "AveragePooling2D";
        } else if (spec instanceof GlobalAveragePooling2D) {
            return "GlobalAveragePooling2D";
        } else if (spec instanceof GlobalMaxPooling2D) {
            return "GlobalMaxPooling2D";
        } else if (spec instanceof ZeroPadding2D) {
            return "ZeroPadding2D";
        } else if (spec instanceof BatchNormalization) {
            return "BatchNormalization";
        } else if (spec instanceof Dropout) {
            return "Dropout";
        } else if (spec instanceof Flatten) {
            return "Flatten";
        } else if (spec instanceof Dense) {
            return "Dense";
        } else if (spec instanceof ActivationLayer) {
            return "Activation";
        }
        throw new IllegalStateException("no Keras type for " + spec.getClass().getName());
    }
}
