package dev.convlab.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * The values a sweep tries, as plain Java (Integer, Long, Double, String, Boolean, null, and Lists and Maps of them),
 * and their YAML flow form, the form {@code --set path=value} reads back to the same value.
 */
public final class PlainValues {
    private static final Dump FLOW = new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.FLOW)
            .setWidth(Integer.MAX_VALUE).setSplitLines(false).build());

    private PlainValues() {
    }

    /** One value as YAML on one line: {@code 16}, {@code 0.001}, {@code sgd}, {@code {type: adam, learning_rate: 0.01}}. */
    public static String flow(Object value) {
        String text = FLOW.dumpToString(value);
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** {@code path=value}, as {@code --set} and {@code ConfigLoader.load(file, overrides)} take it. */
    public static String assignment(String path, Object value) {
        return path + "=" + flow(value);
    }

    /** Parameters as a person reads them: {@code {data.batch_size: 16, training.epochs: 2}}. */
    public static String describe(Map<String, Object> params) {
        StringJoiner out = new StringJoiner(", ", "{", "}");
        params.forEach((path, value) -> out.add(path + ": " + flow(value)));
        return out.toString();
    }

    /** An unmodifiable deep copy that keeps order and nulls. */
    static Object frozen(Object value) {
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(frozen(item));
            }
            return Collections.unmodifiableList(out);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), frozen(v)));
            return Collections.unmodifiableMap(out);
        }
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Boolean) {
            return value;
        }
        throw new IllegalArgumentException("a sweep value is a plain value, list or mapping, not " + value.getClass().getName());
    }

    /** {@link #frozen} for a map of values. */
    static <V> Map<String, V> frozenMap(Map<String, V> map) {
        Map<String, V> out = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((k, v) -> {
                @SuppressWarnings("unchecked")
                V copy = v instanceof Distribution ? v : (V) frozen(v);
                out.put(k, copy);
            });
        }
        return Collections.unmodifiableMap(out);
    }
}
