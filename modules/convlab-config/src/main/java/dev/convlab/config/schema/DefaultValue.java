package dev.convlab.config.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Turns an {@link Default} (YAML text) into the JSON value of the schema, checked against the option's shape, so
 * a default that the binder could not read ({@code @Default("vaild")}) fails the docs build instead of reaching a
 * user's editor.
 */
final class DefaultValue {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DefaultValue() {
    }

    static JsonNode of(Option option) {
        Object yaml = new Load(LoadSettings.builder().build()).loadFromString(option.defaultYaml());
        return convert(yaml, option.shape(), option.where() + " @Default(\"" + option.defaultYaml() + "\")");
    }

    private static JsonNode convert(Object yaml, Shape shape, String where) {
        if (shape instanceof Shape.Scalar s) {
            switch (s.jsonType()) {
                case "integer":
                    if (yaml instanceof Integer || yaml instanceof Long || yaml instanceof BigInteger) {
                        return JSON.numberNode(((Number) yaml).longValue());
                    }
                    break;
                case "number":
                    // Written "0" or "0.0", a double default is the same number; keep it a JSON float.
                    if (yaml instanceof Number n) {
                        return JSON.numberNode(n.doubleValue());
                    }
                    break;
                case "boolean":
                    if (yaml instanceof Boolean b) {
                        return JSON.booleanNode(b);
                    }
                    break;
                default:
                    if (yaml instanceof String text) {
                        return JSON.textNode(text);
                    }
            }
        } else if (shape instanceof Shape.EnumShape e && yaml instanceof String text) {
            if (e.constants().stream().anyMatch(c -> Names.of(c).equals(text))) {
                return JSON.textNode(text);
            }
        } else if (shape instanceof Shape.ListShape l && yaml instanceof List<?> items) {
            ArrayNode array = JSON.arrayNode();
            for (Object item : items) {
                array.add(convert(item, l.item(), where));
            }
            return array;
        } else if (shape instanceof Shape.RecordShape r && yaml instanceof Map<?, ?> map) {
            return mapping(map, r.type(), null, where);
        } else if (shape instanceof Shape.SizeShape) {
            if (yaml instanceof Integer n && n > 0) {
                return JSON.numberNode(n);
            }
            if (yaml instanceof List<?> pair && pair.size() == 2
                    && pair.stream().allMatch(v -> v instanceof Integer n && n > 0)) {
                return convert(pair, new Shape.ListShape(new Shape.Scalar("integer")), where);
            }
        } else if (shape instanceof Shape.ShiftShape || shape instanceof Shape.ZoomShape) {
            if (yaml instanceof Integer || yaml instanceof Long) {
                return JSON.numberNode(((Number) yaml).longValue());
            }
            if (yaml instanceof Double d) {
                return JSON.numberNode(d);
            }
            if (yaml instanceof List<?> items && items.stream().allMatch(v -> v instanceof Number)) {
                return convert(items, new Shape.ListShape(new Shape.Scalar("number")), where);
            }
        } else if (shape instanceof Shape.RegistryShape r) {
            return registry(yaml, r, where);
        }
        throw new IllegalStateException(where + ": '" + yaml + "' is not a valid " + describe(shape));
    }

    private static JsonNode registry(Object yaml, Shape.RegistryShape r, String where) {
        String discriminator = r.discriminator();
        for (Class<?> entry : r.entries()) {
            String name = Names.of(entry);
            if (!discriminator.isEmpty() && name.equals(yaml)) {
                return JSON.textNode(name);
            }
            if (!(yaml instanceof Map<?, ?> map)) {
                continue;
            }
            if (discriminator.isEmpty() && map.size() == 1 && map.get(name) instanceof Map<?, ?> body) {
                ObjectNode one = JSON.objectNode();
                one.set(name, mapping(body, entry, null, where));
                return one;
            }
            if (!discriminator.isEmpty() && name.equals(map.get(discriminator))) {
                return mapping(map, entry, discriminator, where);
            }
        }
        throw new IllegalStateException(where + ": '" + yaml + "' names no entry of " + r.type().getSimpleName());
    }

    private static ObjectNode mapping(Map<?, ?> map, Class<?> record, String discriminator, String where) {
        ObjectNode object = JSON.objectNode();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getKey().equals(discriminator)) {
                object.put(discriminator, (String) e.getValue());
                continue;
            }
            Option option = Option.of(record).stream().filter(o -> o.key().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new IllegalStateException(where + ": " + record.getSimpleName()
                            + " has no key '" + e.getKey() + "'"));
            object.set(option.key(), convert(e.getValue(), option.shape(), where));
        }
        return object;
    }

    private static String describe(Shape shape) {
        if (shape instanceof Shape.Scalar s) {
            return s.jsonType();
        }
        if (shape instanceof Shape.EnumShape e) {
            return e.type().getSimpleName() + " (" + e.constants().stream().map(Names::of).toList() + ")";
        }
        return shape.getClass().getSimpleName();
    }
}
