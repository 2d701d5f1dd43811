package dev.convlab.config.yaml;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.snakeyaml.engine.v2.nodes.Node;

/** Parses the YAML text of {@code @Default} values once; they go through the same binder as the user's values. */
final class DefaultValues {
    static final String LABEL = "@Default(";
    private static final Map<String, Node> CACHE = new ConcurrentHashMap<>();

    private DefaultValues() {
    }

    static Node node(String yaml) {
        return CACHE.computeIfAbsent(yaml, text -> StrictYaml.parse(text, LABEL + text + ")"));
    }
}
