package dev.convlab.model;

import java.util.Map;

/**
 * Where a layer came from in the YAML, so that a problem names the exact key: a listed layer's keys are below its
 * entry ({@code model.layers[2].conv2d.kernel_size}); a layer made by the vgg template maps each key to the
 * template option that produced it ({@code model.vgg.blocks[3]}).
 */
record Origin(String path, Map<String, String> keys, boolean listed) {

    static Origin listed(int index, String yamlName) {
        return new Origin("model.layers[" + index + "]." + yamlName, Map.of(), true);
    }

    static Origin template(String path, Map<String, String> keys) {
        return new Origin(path, Map.copyOf(keys), false);
    }

    /** The YAML path of one option of this layer. */
    String key(String field) {
        return listed ? path + "." + field : keys.getOrDefault(field, path);
    }
}
