package dev.convlab.config.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Applies {@code --set path=value} to the node tree before binding, so an override is checked exactly like the
 * file's own values and an error in it points at the {@code --set} that wrote it. The value is YAML:
 * {@code --set data.batch_size=64}, {@code --set training.optimizer={type: sgd, momentum: 0.9}}.
 */
public final class Overrides {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_\\-]+)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private Overrides() {
    }

    public static void apply(Node root, List<String> assignments) {
        for (String assignment : assignments) {
            apply(root, assignment);
        }
    }

    static void apply(Node root, String assignment) {
        String label = "--set " + assignment;
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigError(new Location(label, 0, 0), "", "expected path=value",
                    "write e.g. --set data.batch_size=64");
        }
        String path = assignment.substring(0, eq).trim();
        Node value = StrictYaml.parse(assignment.substring(eq + 1), label);
        List<Object> steps = steps(path, label);
        Node parent = root;
        StringBuilder walked = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (step instanceof String key) {
                if (!(parent instanceof MappingNode mapping)) {
                    throw new ConfigError(new Location(label, 0, 0), walked.toString(), "is not a mapping, so it has no key '"
                            + key + "'", "check the path");
                }
                walked.append(walked.length() == 0 ? "" : ".").append(key);
                NodeTuple found = null;
                int at = -1;
                for (int t = 0; t < mapping.getValue().size(); t++) {
                    NodeTuple tuple = mapping.getValue().get(t);
                    if (((ScalarNode) tuple.getKeyNode()).getValue().equals(key)) {
                        found = tuple;
                        at = t;
                    }
                }
                Node next = last ? value : found != null ? found.getValueNode() : emptyMapping();
                if (found == null || last) {
                    List<NodeTuple> tuples = new ArrayList<>(mapping.getValue());
                    NodeTuple tuple = new NodeTuple(found != null ? found.getKeyNode()
                            : new ScalarNode(Tag.STR, key, ScalarStyle.PLAIN), next);
                    if (at >= 0) {
                        tuples.set(at, tuple);
                    } else {
                        tuples.add(tuple);
                    }
                    mapping.setValue(tuples);
                }
                parent = next;
            } else {
                int index = (Integer) step;
                walked.append('[').append(index).append(']');
                if (!(parent instanceof SequenceNode sequence) || index >= sequence.getValue().size()) {
                    throw new ConfigError(new Location(label, 0, 0), walked.toString(), "there is no item " + index
                            + " here", "check the index (items count from 0)");
                }
                if (last) {
                    // the composer's list is mutable; SequenceNode has no setter
                    sequence.getValue().set(index, value);
                }
                parent = sequence.getValue().get(index);
            }
        }
    }

    private static List<Object> steps(String path, String label) {
        List<Object> steps = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                throw new ConfigError(new Location(label, 0, 0), path, "'" + part + "' is not a valid path segment",
                        "write a dotted path such as model.layers[0].conv2d.filters");
            }
            steps.add(m.group(1));
            Matcher idx = INDEX.matcher(m.group(2));
            while (idx.find()) {
                steps.add(Integer.parseInt(idx.group(1)));
            }
        }
        return steps;
    }

    private static MappingNode emptyMapping() {
        return new MappingNode(Tag.MAP, new ArrayList<>(), FlowStyle.BLOCK);
    }
}
