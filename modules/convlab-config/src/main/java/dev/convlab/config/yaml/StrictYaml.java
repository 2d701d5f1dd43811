package dev.convlab.config.yaml;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Parses YAML into a node tree with the limits a config file needs: only the plain YAML 1.2 core types (no global
 * tags, so no class instantiation), no duplicate keys, bounded size, aliases and depth. Works on nodes, not
 * objects, so every value keeps its line and column.
 */
public final class StrictYaml {
    static final int MAX_CODE_POINTS = 1 << 20;
    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 32;
    private static final Set<Tag> ALLOWED = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ);

    private StrictYaml() {
    }

    /** Parses one YAML document; an empty document is an empty mapping. */
    public static Node parse(String text, String source) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_CODE_POINTS)
                .build();
        if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            throw new ConfigError(new Location(source, 0, 0), "", "the file is larger than " + MAX_CODE_POINTS
                    + " characters", "a config is a few hundred lines; check that this is the right file");
        }
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            throw new ConfigError(location(e.getProblemMark(), source), "", "YAML syntax: " + e.getProblem(),
                    "fix the YAML at that line");
        } catch (YamlEngineException e) {
            throw new ConfigError(new Location(source, 0, 0), "", "YAML: " + e.getMessage(), "fix the YAML");
        }
        if (root.isEmpty()) {
            return new MappingNode(Tag.MAP, List.of(), org.snakeyaml.engine.v2.common.FlowStyle.BLOCK);
        }
        check(root.get(), source, 0);
        return root.get();
    }

    private static void check(Node node, String source, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ConfigError(location(node, source), "", "nesting deeper than " + MAX_DEPTH + " levels",
                    "a config nests a few levels; check the indentation");
        }
        if (node.isRecursive()) {
            throw new ConfigError(location(node, source), "", "a recursive alias", "remove the alias that refers to itself");
        }
        if (!ALLOWED.contains(node.getTag())) {
            throw new ConfigError(location(node, source), "", "the tag '" + node.getTag().getValue()
                    + "' is not allowed: a config holds only plain values, lists and mappings",
                    "remove the tag, the part that starts with '!'");
        }
        if (node instanceof MappingNode mapping) {
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node key = tuple.getKeyNode();
                if (!(key instanceof ScalarNode scalar)) {
                    throw new ConfigError(location(key, source), "", "a key must be a plain name", "write key: value");
                }
                check(key, source, depth + 1);
                if (!seen.add(scalar.getValue())) {
                    throw new ConfigError(location(key, source), "", "the key '" + scalar.getValue() + "' appears twice",
                            "keep one of them");
                }
                check(tuple.getValueNode(), source, depth + 1);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                check(item, source, depth + 1);
            }
        }
    }

    static Location location(Node node, String source) {
        return node.getStartMark().map(m -> location(Optional.of(m), source)).orElse(new Location(source, 0, 0));
    }

    /** The mark's own label names the source, so values that came from {@code --set} point there. */
    static Location location(Optional<Mark> mark, String source) {
        return mark.map(m -> m.getName().startsWith("--set")
                        ? new Location(m.getName(), 0, 0)
                        : new Location(m.getName(), m.getLine() + 1, m.getColumn() + 1))
                .orElse(new Location(source, 0, 0));
    }
}
