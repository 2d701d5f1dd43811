package dev.convlab.config.yaml;

import dev.convlab.config.InvalidValue;
import dev.convlab.config.ShiftRange;
import dev.convlab.config.Size2;
import dev.convlab.config.ZoomRange;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Names;
import dev.convlab.config.schema.Optional;
import dev.convlab.config.schema.Registry;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Turns a node tree into the config records by reflection over their components, following the naming rule of
 * {@link Names}. Every value is checked by type here and by rule in the record's constructor; either failure
 * becomes a {@link ConfigError} at the line the value was written.
 */
public final class Binder {
    private final String source;
    private final SourceMap sources;

    public Binder(String source, SourceMap sources) {
        this.source = source;
        this.sources = sources;
    }

    public <T> T bind(Node node, Class<T> type) {
        return type.cast(bind(node, type, ""));
    }

    private Object bind(Node node, Type type, String path) {
        Location location = StrictYaml.location(node, source);
        if (!location.source().startsWith(DefaultValues.LABEL)) {
            // a default was not written by the user: its errors point at the enclosing mapping instead
            sources.put(path, location);
        }
        Class<?> raw = raw(type);
        if (raw == List.class) {
            return list(node, ((ParameterizedType) type).getActualTypeArguments()[0], path);
        }
        if (raw == Size2.class) {
            return size2(node, path);
        }
        if (raw == ShiftRange.class) {
            return shiftRange(node, path);
        }
        if (raw == ZoomRange.class) {
            return zoomRange(node, path);
        }
        if (raw.isRecord()) {
            return record(node, raw, path);
        }
        if (raw.isInterface() && raw.isAnnotationPresent(Registry.class)) {
            return registry(node, raw, path);
        }
        if (raw.isEnum()) {
            return enumValue(node, raw, path);
        }
        return scalar(node, raw, path);
    }

    private List<Object> list(Node node, Type item, String path) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, path, "expected a list, found " + describe(node), "write a list, e.g. [a, b] or '- item' lines");
        }
        List<Object> out = new ArrayList<>();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            out.add(bind(items.get(i), item, path + "[" + i + "]"));
        }
        return out;
    }

    private Size2 size2(Node node, String path) {
        try {
            if (node instanceof ScalarNode) {
                return Size2.of(integer(node, path));
            }
            if (node instanceof SequenceNode sequence && sequence.getValue().size() == 2) {
                return new Size2(integer(sequence.getValue().get(0), path + "[0]"),
                        integer(sequence.getValue().get(1), path + "[1]"));
            }
        } catch (InvalidValue e) {
            throw error(node, path, valueText(node) + ": " + e.rule(), e.fix());
        }
        throw error(node, path, "expected a whole number or a list [height, width], found " + describe(node),
                "write 3 or [3, 3]");
    }

    /** Keras decides by the Python type; YAML's int and float tags carry the same distinction. */
    private ShiftRange shiftRange(Node node, String path) {
        try {
            if (node instanceof ScalarNode scalar && scalar.getTag() == Tag.INT) {
                return ShiftRange.whole(integer(node, path));
            }
            if (node instanceof ScalarNode scalar && scalar.getTag() == Tag.FLOAT) {
                return ShiftRange.uniform((Double) scalar(node, double.class, path));
            }
            if (node instanceof SequenceNode sequence) {
                List<Double> values = new ArrayList<>();
                for (int i = 0; i < sequence.getValue().size(); i++) {
                    values.add((Double) scalar(sequence.getValue().get(i), double.class, path + "[" + i + "]"));
                }
                return ShiftRange.choice(values);
            }
        } catch (InvalidValue e) {
            throw error(node, path, valueText(node) + ": " + e.rule(), e.fix());
        }
        throw error(node, path, "expected a number, a whole number or a list of numbers, found " + describe(node),
                "write 0.1 (a fraction of the size), 4 (whole pixels) or [2, 4, 8]");
    }

    private ZoomRange zoomRange(Node node, String path) {
        try {
            if (node instanceof ScalarNode && !isNull(node)) {
                return ZoomRange.of((Double) scalar(node, double.class, path));
            }
            if (node instanceof SequenceNode sequence && sequence.getValue().size() == 2) {
                return new ZoomRange((Double) scalar(sequence.getValue().get(0), double.class, path + "[0]"),
                        (Double) scalar(sequence.getValue().get(1), double.class, path + "[1]"));
            }
        } catch (InvalidValue e) {
            throw error(node, path, valueText(node) + ": " + e.rule(), e.fix());
        }
        throw error(node, path, "expected a number or a list [lower, upper], found " + describe(node),
                "write 0.2 (for [0.8, 1.2]) or [0.8, 1.2]");
    }

    private Object record(Node node, Class<?> type, String path) {
        if (isNull(node)) {
            node = new MappingNode(Tag.MAP, true, new ArrayList<>(), org.snakeyaml.engine.v2.common.FlowStyle.FLOW,
                    node.getStartMark(), node.getEndMark());
        }
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, path, "expected a mapping of keys, found " + describe(node), "write key: value lines under it");
        }
        return record(mapping, type, path, List.of());
    }

    /** Binds a mapping to a record; {@code skip} names keys handled by the caller (a registry's discriminator). */
    private Object record(MappingNode mapping, Class<?> type, String path, List<String> skip) {
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byName = new LinkedHashMap<>();
        for (RecordComponent component : components) {
            byName.put(Names.of(component), component);
        }
        Map<String, Node> given = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = ((ScalarNode) tuple.getKeyNode()).getValue();
            if (skip.contains(key)) {
                continue;
            }
            if (!byName.containsKey(key)) {
                throw error(tuple.getKeyNode(), join(path, key), "unknown key '" + key + "'"
                        + (path.isEmpty() ? "" : " in " + path), DidYouMean.fix(key, byName.keySet()));
            }
            given.put(key, tuple.getValueNode());
        }
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String key = Names.of(component);
            String childPath = join(path, key);
            Node value = given.get(key);
            boolean optional = component.isAnnotationPresent(Optional.class);
            Default dflt = component.getAnnotation(Default.class);
            if (value == null || (isNull(value) && !optional && dflt != null)) {
                if (dflt != null) {
                    value = DefaultValues.node(dflt.value());
                } else if (optional) {
                    args[i] = component.getType() == List.class ? List.of() : null;
                    continue;
                } else {
                    throw error(mapping, childPath, "the required key '" + key + "' is missing"
                            + (path.isEmpty() ? "" : " in " + path), "add " + key + ": <" + typeName(component) + ">");
                }
            } else if (isNull(value) && optional) {
                sources.put(childPath, StrictYaml.location(value, source));
                args[i] = component.getType() == List.class ? List.of() : null;
                continue;
            }
            args[i] = bind(value, component.getGenericType(), childPath);
        }
        return construct(type, components, args, mapping, given, path);
    }

    private Object construct(Class<?> type, RecordComponent[] components, Object[] args, MappingNode mapping,
                             Map<String, Node> given, String path) {
        try {
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof InvalidValue invalid) {
                String field = invalid.field();
                Node at = field != null && given.containsKey(field) ? given.get(field) : mapping;
                String where = field != null ? join(path, field) : path;
                String value = field != null && given.containsKey(field) ? valueText(given.get(field)) + ": " : "";
                throw error(at, where, value + invalid.rule(), invalid.fix());
            }
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private Object registry(Node node, Class<?> type, String path) {
        String discriminator = type.getAnnotation(Registry.class).discriminator();
        Map<String, Class<?>> entries = new LinkedHashMap<>();
        for (Class<?> entry : type.getPermittedSubclasses()) {
            entries.put(Names.of(entry), entry);
        }
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            Class<?> entry = entry(entries, scalar.getValue(), node, path, type);
            String entryPath = discriminator.isEmpty() ? join(path, scalar.getValue()) : path;
            return record(new MappingNode(Tag.MAP, true, new ArrayList<>(), org.snakeyaml.engine.v2.common.FlowStyle.FLOW,
                    node.getStartMark(), node.getEndMark()), entry, entryPath, List.of());
        }
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, path, "expected " + (discriminator.isEmpty() ? "'name: {...}'" : "a name or a mapping with "
                    + discriminator) + ", found " + describe(node), "valid: " + String.join(", ", entries.keySet()));
        }
        if (discriminator.isEmpty()) {
            if (mapping.getValue().size() != 1) {
                throw error(node, path, "expected exactly one name per item, found " + mapping.getValue().size()
                        + " keys", "write each item as '- name: {key: value}'");
            }
            NodeTuple only = mapping.getValue().get(0);
            String name = ((ScalarNode) only.getKeyNode()).getValue();
            Class<?> entry = entry(entries, name, only.getKeyNode(), path, type);
            return bind(only.getValueNode(), entry, join(path, name));
        }
        Node typeNode = null;
        for (NodeTuple tuple : mapping.getValue()) {
            if (((ScalarNode) tuple.getKeyNode()).getValue().equals(discriminator)) {
                typeNode = tuple.getValueNode();
            }
        }
        if (!(typeNode instanceof ScalarNode typeScalar) || isNull(typeNode)) {
            throw error(node, join(path, discriminator), "the required key '" + discriminator + "' is missing",
                    "add " + discriminator + ": one of " + String.join(", ", entries.keySet()));
        }
        sources.put(join(path, discriminator), StrictYaml.location(typeNode, source));
        Class<?> entry = entry(entries, typeScalar.getValue(), typeNode, join(path, discriminator), type);
        return record(mapping, entry, path, List.of(discriminator));
    }

    private Class<?> entry(Map<String, Class<?>> entries, String name, Node at, String path, Class<?> type) {
        Class<?> entry = entries.get(name);
        if (entry == null) {
            throw error(at, path, "unknown " + Names.snake(type.getSimpleName()).replace("_spec", "").replace('_', ' ').trim()
                    + " '" + name + "'", DidYouMean.fix(name, entries.keySet()));
        }
        return entry;
    }

    private Object enumValue(Node node, Class<?> type, String path) {
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Object constant : type.getEnumConstants()) {
            byName.put(Names.of((Enum<?>) constant), constant);
        }
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            Object value = byName.get(scalar.getValue());
            if (value != null) {
                return value;
            }
            throw error(node, path, "'" + scalar.getValue() + "' is not a valid " + Names.snake(type.getSimpleName())
                    .replace('_', ' ').trim(), DidYouMean.fix(scalar.getValue(), byName.keySet()));
        }
        throw error(node, path, "expected one of " + String.join(", ", byName.keySet()) + ", found " + describe(node),
                "write one of the names");
    }

    private Object scalar(Node node, Class<?> type, String path) {
        if (!(node instanceof ScalarNode scalar) || isNull(node)) {
            throw error(node, path, "expected " + article(type) + ", found " + describe(node), "write a single value");
        }
        String text = scalar.getValue();
        if (type == String.class) {
            return text;
        }
        if (type == int.class || type == Integer.class) {
            return integer(node, path);
        }
        if (type == long.class || type == Long.class) {
            if (scalar.getTag() != Tag.INT) {
                throw error(node, path, "expected a whole number, found " + describe(node), "write e.g. 42");
            }
            try {
                return new BigInteger(clean(text)).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw error(node, path, text + " is out of range for a whole number", "use a smaller number");
            }
        }
        if (type == double.class || type == Double.class) {
            if (scalar.getTag() != Tag.INT && scalar.getTag() != Tag.FLOAT) {
                throw error(node, path, "expected a number, found " + describe(node), "write e.g. 0.001 or 1.0e-3");
            }
            double value = Double.parseDouble(clean(text).replace(".inf", "Infinity").replace(".nan", "NaN")
                    .replace(".Inf", "Infinity").replace(".INF", "Infinity"));
            if (!Double.isFinite(value)) {
                throw error(node, path, text + " is not a finite number", "write a finite number");
            }
            return value;
        }
        if (type == boolean.class || type == Boolean.class) {
            if (scalar.getTag() != Tag.BOOL) {
                throw error(node, path, "expected true or false, found " + describe(node), "write true or false");
            }
            return Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
        }
        throw new IllegalStateException("no YAML binding for " + type);
    }

    private int integer(Node node, String path) {
        if (!(node instanceof ScalarNode scalar) || scalar.getTag() != Tag.INT) {
            throw error(node, path, "expected a whole number, found " + describe(node), "write e.g. 3");
        }
        try {
            return new BigInteger(clean(scalar.getValue())).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw error(node, path, scalar.getValue() + " is out of range for a whole number", "use a smaller number");
        }
    }

    private static String clean(String number) {
        String s = number.replace("_", "");
        if (s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.startsWith("0x") || s.startsWith("0o")) {
            return new BigInteger(s.substring(2), s.charAt(1) == 'x' ? 16 : 8).toString();
        }
        return s;
    }

    private ConfigError error(Node node, String path, String why, String fix) {
        return new ConfigError(StrictYaml.location(node, source), path, why, fix);
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag() == Tag.NULL;
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        if (scalar.getTag() == Tag.NULL) {
            return "no value";
        }
        String kind = scalar.getTag() == Tag.INT ? "whole number" : scalar.getTag() == Tag.FLOAT ? "number"
                : scalar.getTag() == Tag.BOOL ? "boolean" : "text";
        return kind + " '" + scalar.getValue() + "'";
    }

    private static String valueText(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        if (node instanceof SequenceNode sequence) {
            List<String> parts = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                parts.add(valueText(item));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return "{...}";
    }

    private static String article(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        return "true or false";
    }

    private static String typeName(RecordComponent component) {
        Class<?> t = component.getType();
        if (t.isRecord() || t == List.class) {
            return "...";
        }
        if (t.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : t.getEnumConstants()) {
                names.add(Names.of((Enum<?>) c));
            }
            return String.join("|", names);
        }
        return article(t);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return (Class<?>) ((ParameterizedType) type).getRawType();
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
