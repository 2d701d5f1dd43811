package dev.convlab.viz.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Keras model config (what {@code model.to_json()} returns and {@code model.save()} stores as model_config) read
 * as a plain stack of layers: a Sequential model, or a functional model whose layers form one chain from its input
 * to its output, as VGG16's do. {@link #sequentialJson()} is the same network as a Sequential config, which DL4J's
 * Keras import turns into a MultiLayerNetwork.
 *
 * @param className    Sequential, Model or Functional
 * @param name         the model's name
 * @param layers       the layers from input to output
 * @param kerasVersion the Keras version the config says, or the one given with it (the .h5 file's attribute)
 * @param backend      likewise
 */
record KerasConfig(String className, String name, List<Layer> layers, String kerasVersion, String backend) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One layer: its name, its Keras class and its config. */
    record Layer(String name, String className, JsonNode config) {
    }

    /** Raised for a config that is not JSON, not a Keras model, or not a chain of layers: says which and why. */
    static final class NotAStack extends RuntimeException {
        NotAStack(String message) {
            super(message);
        }
    }

    /**
     * @param json         the model config
     * @param kerasVersion the file's keras_version attribute, used when the JSON has none (may be null)
     * @param backend      the file's backend attribute, likewise
     * @throws NotAStack when it is not a Keras model config whose layers form one chain
     */
    static KerasConfig parse(String json, String kerasVersion, String backend) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new NotAStack("its model config is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject() || !root.hasNonNull("class_name") || !root.has("config")) {
            throw new NotAStack("its model config is not a Keras model (no class_name and config)");
        }
        String cls = root.get("class_name").asText();
        String version = root.hasNonNull("keras_version") ? root.get("keras_version").asText() : kerasVersion;
        String back = root.hasNonNull("backend") ? root.get("backend").asText() : backend;
        JsonNode config = root.get("config");
        return switch (cls) {
            case "Sequential" -> sequential(config, version, back);
            case "Model", "Functional" -> functional(cls, config, version, back);
            default -> throw new NotAStack("its model is a " + cls + ", not a Sequential or functional model");
        };
    }

    private static KerasConfig sequential(JsonNode config, String version, String backend) {
        // before Keras 2.2.3 a Sequential config was the list of layers itself
        JsonNode list = config.isArray() ? config : config.get("layers");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new NotAStack("its Sequential config has no layers");
        }
        String name = config.isObject() && config.hasNonNull("name") ? config.get("name").asText() : "sequential";
        List<Layer> layers = new ArrayList<>();
        for (JsonNode l : list) {
            layers.add(layer(l));
        }
        return new KerasConfig("Sequential", name, layers, version, backend);
    }

    private static KerasConfig functional(String cls, JsonNode config, String version, String backend) {
        JsonNode list = config.get("layers");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new NotAStack("its model config has no layers");
        }
        String input = single(config.get("input_layers"), "input");
        String output = single(config.get("output_layers"), "output");
        Map<String, Layer> byName = new LinkedHashMap<>();
        Map<String, String> next = new HashMap<>();
        for (JsonNode l : list) {
            Layer layer = layer(l);
            byName.put(layer.name(), layer);
            List<String> from = inbound(l, layer.name());
            if (layer.name().equals(input)) {
                if (!from.isEmpty()) {
                    throw new NotAStack("its input layer '" + input + "' has inputs of its own");
                }
                continue;
            }
            if (from.size() != 1) {
                throw new NotAStack("it is not one chain of layers: layer '" + layer.name() + "' takes "
                        + (from.isEmpty() ? "no input" : from.size() + " inputs (" + String.join(", ", from) + ")"));
            }
            String previous = next.putIfAbsent(from.get(0), layer.name());
            if (previous != null) {
                throw new NotAStack("it is not one chain of layers: the output of '" + from.get(0)
                        + "' goes to both '" + previous + "' and '" + layer.name() + "'");
            }
        }
        List<Layer> chain = new ArrayList<>();
        for (String at = input; at != null; at = next.get(at)) {
            Layer layer = byName.get(at);
            if (layer == null) {
                throw new NotAStack("its layer '" + at + "' is used but not defined");
            }
            chain.add(layer);
        }
        if (!chain.get(chain.size() - 1).name().equals(output) || chain.size() != byName.size()) {
            throw new NotAStack("it is not one chain of layers from '" + input + "' to '" + output + "'");
        }
        String name = config.hasNonNull("name") ? config.get("name").asText() : "model";
        return new KerasConfig(cls, name, chain, version, backend);
    }

    private static Layer layer(JsonNode l) {
        if (!l.hasNonNull("class_name") || !l.has("config")) {
            throw new NotAStack("a layer of its config has no class_name or config: " + abbreviate(l.toString()));
        }
        String cls = l.get("class_name").asText();
        JsonNode config = l.get("config");
        String name = l.hasNonNull("name") ? l.get("name").asText()
                : config.hasNonNull("name") ? config.get("name").asText() : null;
        if (name == null) {
            throw new NotAStack("a " + cls + " layer of its config has no name");
        }
        if (cls.equals("Sequential") || cls.equals("Model") || cls.equals("Functional")) {
            throw new NotAStack("its layer '" + name + "' is a whole model (nested models are not supported)");
        }
        return new Layer(name, cls, config);
    }

    /** The names of the layers whose outputs a layer of a functional config takes: Keras 2's inbound_nodes. */
    private static List<String> inbound(JsonNode l, String name) {
        JsonNode nodes = l.get("inbound_nodes");
        List<String> from = new ArrayList<>();
        if (nodes == null || nodes.isEmpty()) {
            return from;
        }
        if (!nodes.isArray() || nodes.size() != 1) {
            throw new NotAStack("its layer '" + name + "' is called " + nodes.size()
                    + " times (shared layers are not supported)");
        }
        for (JsonNode tensor : nodes.get(0)) {
            if (!tensor.isArray() || tensor.isEmpty() || !tensor.get(0).isTextual()) {
                throw new NotAStack("the inbound_nodes of layer '" + name + "' are not in Keras 2's format");
            }
            from.add(tensor.get(0).asText());
        }
        return from;
    }

    private static String single(JsonNode list, String what) {
        if (list == null || !list.isArray() || list.size() != 1 || !list.get(0).isArray()) {
            throw new NotAStack("it has " + (list == null || !list.isArray() ? "no" : list.size()) + " " + what
                    + " layers, not one");
        }
        return list.get(0).get(0).asText();
    }

    /** The network as a Sequential config, with keras_version and backend, for DL4J's Keras import. */
    String sequentialJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("class_name", "Sequential");
        ObjectNode config = root.putObject("config");
        config.put("name", name);
        ArrayNode list = config.putArray("layers");
        for (Layer l : layers) {
            ObjectNode entry = list.addObject();
            entry.put("class_name", l.className());
            entry.set("config", l.config());
        }
        if (kerasVersion != null) {
            root.put("keras_version", kerasVersion);
        }
        if (backend != null) {
            root.put("backend", backend);
        }
        return root.toString();
    }

    /** Each layer's Keras class by name. */
    Map<String, String> classes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Layer l : layers) {
            out.put(l.name(), l.className());
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
