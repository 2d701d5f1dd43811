package dev.convlab.sweep;

import dev.convlab.config.BadInput;
import dev.convlab.config.InvalidValue;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Names;
import dev.convlab.config.schema.Optional;
import dev.convlab.config.yaml.Binder;
import dev.convlab.config.yaml.ConfigError;
import dev.convlab.config.yaml.Location;
import dev.convlab.config.yaml.SourceMap;
import dev.convlab.config.yaml.StrictYaml;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a sweep file with the config's strict YAML rules and error conventions: every key is checked (an unknown
 * one gets a did-you-mean), every value by type and rule, and each error names {@code file:line:col path}. Plain
 * options go through the config's {@link Binder}; {@code set}, {@code grid} and {@code params}, whose keys are
 * config paths and whose values are anything YAML holds, are read here.
 */
public final class SweepLoader {
    private final String source;
    private final SweepSources sources;

    private SweepLoader(String source) {
        this.source = source;
        this.sources = new SweepSources(new Location(source, 1, 1));
    }

    public static LoadedSweep load(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new BadInput(file.toString(), "no such sweep file", "check the path");
        } catch (CharacterCodingException e) {
            throw new BadInput(file.toString(), "not a UTF-8 text file", "a sweep is a YAML text file");
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new BadInput(file.toString(), "is a folder, not a sweep file", "name a .yaml file");
            }
            throw new BadInput(file.toString(), "cannot read: " + e.getMessage(), "check the file's permissions");
        }
        SweepLoader loader = new SweepLoader(file.toString());
        SweepSpec spec = loader.spec(StrictYaml.parse(text, file.toString()));
        Path folder = file.getParent();
        Path base = (folder != null ? folder.resolve(spec.base()) : Path.of(spec.base())).normalize();
        if (!Files.isRegularFile(base)) {
            throw new ConfigError(loader.sources.key("base"), "base", "no config file at " + base,
                    "base is a run config's path, relative to the sweep file's folder"
                            + (folder != null ? " (" + folder + ")" : ""));
        }
        return new LoadedSweep(spec, file, base, text, loader.sources);
    }

    private SweepSpec spec(Node root) {
        if (!(root instanceof MappingNode mapping)) {
            throw error(root, "", "expected a mapping of keys, found " + describe(root), "write key: value lines");
        }
        Map<String, Node> given = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = ((ScalarNode) tuple.getKeyNode()).getValue();
            if (!keys().contains(key)) {
                throw unknownKey(tuple);
            }
            given.put(key, tuple.getValueNode());
            sources.key(key, location(tuple.getValueNode()));
        }
        RecordComponent[] components = SweepSpec.class.getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String key = Names.of(component);
            Node value = given.get(key);
            if (value == null || isNull(value)) {
                Default dflt = component.getAnnotation(Default.class);
                if (dflt != null) {
                    value = StrictYaml.parse(dflt.value(), "@Default(" + dflt.value() + ")");
                } else if (component.isAnnotationPresent(Optional.class)) {
                    continue;
                } else {
                    throw error(mapping, key, "the required key '" + key + "' is missing", "add " + key + ": <text>");
                }
            }
            args[i] = value(key, component.getType(), value);
        }
        return construct(components, args);
    }

    private Object value(String key, Class<?> type, Node node) {
        return switch (key) {
            case "set" -> set(node);
            case "grid" -> grid(node);
            case "params" -> params(node);
            case "on_trial_error" -> {
                String text = bind(node, String.class, key);
                try {
                    yield OnTrialError.parse(text);
                } catch (InvalidValue e) {
                    throw error(node, key, e.rule(), e.fix());
                }
            }
            default -> bind(node, boxed(type), key);
        };
    }

    private Map<String, Object> set(Node node) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple tuple : paths(node, "set", "data.max_train_samples: 2000")) {
            String path = key(tuple);
            out.put(path, plain(tuple.getValueNode(), "set." + path));
            sources.value("set", path, location(tuple.getValueNode()));
        }
        return out;
    }

    private Map<String, List<Object>> grid(Node node) {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        for (NodeTuple tuple : paths(node, "grid", "data.batch_size: [16, 32, 64]")) {
            String path = key(tuple);
            Node value = tuple.getValueNode();
            sources.value("grid", path, location(value));
            if (!(value instanceof SequenceNode list)) {
                throw error(value, "grid." + path, "expected a list of values, found " + describe(value),
                        "write [" + (value instanceof ScalarNode s ? s.getValue() : "value") + "] to try one value, [a, b] for several");
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < list.getValue().size(); i++) {
                Node item = list.getValue().get(i);
                sources.item(path, i, location(item));
                values.add(plain(item, "grid." + path + "[" + i + "]"));
            }
            out.put(path, values);
        }
        return out;
    }

    private Map<String, Distribution> params(Node node) {
        Map<String, Distribution> out = new LinkedHashMap<>();
        for (NodeTuple tuple : paths(node, "params", "training.optimizer.learning_rate: {loguniform: [1.0e-4, 1.0e-1]}")) {
            String path = key(tuple);
            sources.value("params", path, location(tuple.getValueNode()));
            out.put(path, distribution(tuple.getValueNode(), "params." + path));
        }
        return out;
    }

    /** The entries of set, grid or params: a mapping whose keys are config paths. */
    private List<NodeTuple> paths(Node node, String section, String example) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, section, "expected a mapping of config paths, found " + describe(node),
                    "write lines such as '" + example + "' under " + section + ":");
        }
        for (NodeTuple tuple : mapping.getValue()) {
            sources.path(section, key(tuple), location(tuple.getKeyNode()));
        }
        return mapping.getValue();
    }

    private Distribution distribution(Node node, String path) {
        if (node instanceof SequenceNode) {
            return construct(() -> new Distribution.Choice(list(node, path)), node, path);
        }
        if (!(node instanceof MappingNode mapping) || mapping.getValue().size() != 1) {
            throw error(node, path, node instanceof MappingNode m ? "expected one distribution, found " + m.getValue().size()
                    + " keys" : "expected a distribution, found " + describe(node),
                    "write {uniform: [0.0, 0.5]}, {loguniform: [1.0e-4, 0.1]}, {int: [16, 128]}, {choice: [sgd, adam]} or a list");
        }
        NodeTuple only = mapping.getValue().get(0);
        DistributionKind kind = bind(only.getKeyNode(), DistributionKind.class, path);
        String name = Names.of(kind);
        Node args = only.getValueNode();
        String at = path + "." + name;
        if (kind == DistributionKind.CHOICE) {
            return construct(() -> new Distribution.Choice(list(args, at)), args, at);
        }
        if (!(args instanceof SequenceNode pair) || pair.getValue().size() != 2) {
            throw error(args, at, "expected [low, high], found " + describe(args),
                    kind == DistributionKind.INT ? "write e.g. [16, 128]; both ends are included" : "write e.g. [0.0, 0.5]");
        }
        Node low = pair.getValue().get(0);
        Node high = pair.getValue().get(1);
        return switch (kind) {
            case UNIFORM -> construct(() -> new Distribution.Uniform(bind(low, Double.class, at + "[0]"),
                    bind(high, Double.class, at + "[1]")), args, at);
            case LOGUNIFORM -> construct(() -> new Distribution.LogUniform(bind(low, Double.class, at + "[0]"),
                    bind(high, Double.class, at + "[1]")), args, at);
            default -> construct(() -> new Distribution.IntUniform(bind(low, Long.class, at + "[0]"),
                    bind(high, Long.class, at + "[1]")), args, at);
        };
    }

    private List<Object> list(Node node, String path) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, path, "expected a list of values, found " + describe(node), "write e.g. [sgd, adam]");
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            out.add(plain(sequence.getValue().get(i), path + "[" + i + "]"));
        }
        return out;
    }

    /** A value as plain Java: whole numbers are Integer when they fit, else Long; YAML's core types decide. */
    private Object plain(Node node, String path) {
        if (node instanceof SequenceNode) {
            return list(node, path);
        }
        if (node instanceof MappingNode mapping) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = key(tuple);
                out.put(key, plain(tuple.getValueNode(), path + "." + key));
            }
            return out;
        }
        Tag tag = node.getTag();
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.INT)) {
            long value = bind(node, Long.class, path);
            return value == (int) value ? (Object) (int) value : (Object) value;
        }
        if (tag.equals(Tag.FLOAT)) {
            return bind(node, Double.class, path);
        }
        if (tag.equals(Tag.BOOL)) {
            return bind(node, Boolean.class, path);
        }
        return ((ScalarNode) node).getValue();
    }

    private interface Maker<T> {
        T make();
    }

    private <T> T construct(Maker<T> maker, Node node, String path) {
        try {
            return maker.make();
        } catch (InvalidValue e) {
            throw error(node, path, e.rule(), e.fix());
        }
    }

    private SweepSpec construct(RecordComponent[] components, Object[] args) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            return SweepSpec.class.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof InvalidValue invalid) {
                throw new ConfigError(locate(invalid.field()), invalid.field(), invalid.rule(), invalid.fix());
            }
            throw new IllegalStateException("cannot build the sweep", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build the sweep", e);
        }
    }

    /** {@code cv} → its value; {@code grid.data.batch_size} → that path's list in grid. */
    private Location locate(String field) {
        if (field == null) {
            return sources.key("");
        }
        int dot = field.indexOf('.');
        String section = dot < 0 ? field : field.substring(0, dot);
        if (dot > 0 && List.of("set", "grid", "params").contains(section)) {
            return sources.value(section, field.substring(dot + 1));
        }
        return sources.key(field);
    }

    /** The binder's checks and messages for one value; its paths are made relative to the sweep file's root. */
    private <T> T bind(Node node, Class<T> type, String path) {
        try {
            return new Binder(source, new SourceMap(source)).bind(node, type);
        } catch (ConfigError e) {
            String inner = e.yamlPath() == null || e.yamlPath().isEmpty() ? path : path + "." + e.yamlPath();
            String why = e.why().startsWith("unknown key") && !e.why().contains(" in ") ? e.why() + " in " + path : e.why();
            throw new ConfigError(e.location(), inner, why, e.fix());
        }
    }

    /** The binder's unknown-key error, with its did-you-mean over the sweep's keys. */
    private ConfigError unknownKey(NodeTuple tuple) {
        MappingNode alone = new MappingNode(Tag.MAP, List.of(tuple), FlowStyle.BLOCK);
        try {
            new Binder(source, new SourceMap(source)).bind(alone, SweepSpec.class);
        } catch (ConfigError e) {
            return e;
        }
        throw new IllegalStateException("'" + key(tuple) + "' was taken for an unknown key");
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (RecordComponent component : SweepSpec.class.getRecordComponents()) {
            keys.add(Names.of(component));
        }
        return keys;
    }

    private static Class<?> boxed(Class<?> type) {
        if (type == long.class) {
            return Long.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        return type;
    }

    private static String key(NodeTuple tuple) {
        return ((ScalarNode) tuple.getKeyNode()).getValue().trim();
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull(node) ? "no value" : "'" + ((ScalarNode) node).getValue() + "'";
    }

    private Location location(Node node) {
        return node.getStartMark().map(m -> new Location(m.getName(), m.getLine() + 1, m.getColumn() + 1))
                .orElse(new Location(source, 0, 0));
    }

    private ConfigError error(Node node, String path, String why, String fix) {
        return new ConfigError(location(node), path, why, fix);
    }
}
