package dev.convlab.config.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convlab.config.RunConfig;
import dev.convlab.config.ShiftRange;
import dev.convlab.config.Size2;
import dev.convlab.config.ZoomRange;
import dev.convlab.config.layers.Conv2D;
import dev.convlab.config.layers.VggBlock;
import dev.convlab.config.optim.Adam;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Walks the records with its own reflection (not the generator's Shape/Option) and finds each component in the
 * schema by following the schema's own $refs, so a component the generator skipped or mis-marked shows up.
 */
class SchemaCoverageTest {
    private static final JsonNode SCHEMA = SchemaGenerator.schema(RunConfig.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The binder accepts 1 for 1.0, so defaults compare as numbers. */
    private static final Comparator<JsonNode> NUMERIC = (a, b) ->
            a.equals(b) || a.isNumber() && b.isNumber() && a.doubleValue() == b.doubleValue() ? 0 : 1;

    private final Set<Class<?>> seen = new HashSet<>();

    @Test
    void everyReachableComponentHasItsKeyPresenceAndDefault() {
        record(RunConfig.class, SCHEMA, null, "");
        assertTrue(seen.containsAll(List.of(Conv2D.class, Adam.class, VggBlock.class)), "the walk stopped early: " + seen);
    }

    @Test
    void knownKeys() {
        JsonNode conv2d = layer("conv2d");
        assertTrue(names(conv2d.get("required")).contains("kernel_size"));
        assertEquals("valid", conv2d.at("/properties/padding/default").textValue());
        JsonNode batchSize = resolve(SCHEMA.at("/properties/data")).at("/properties/batch_size");
        assertTrue(batchSize.get("default").isIntegralNumber());
        assertEquals(32, batchSize.get("default").intValue());
        assertFalse(names(resolve(SCHEMA.at("/properties/data")).get("required")).contains("batch_size"));
        assertEquals("adam", resolve(SCHEMA.at("/properties/training")).at("/properties/optimizer/default").textValue());
        assertEquals(0.9, optimizer("adam").at("/properties/beta_1/default").doubleValue());
        assertEquals(List.of("type"), names(optimizer("adam").get("required")));
    }

    @Test
    void size2IsAnIntegerOrAPair() {
        JsonNode size = resolve(layer("conv2d").at("/properties/kernel_size"));
        assertEquals("integer", size.at("/oneOf/0/type").textValue());
        assertEquals(1, size.at("/oneOf/0/minimum").intValue());
        assertEquals(2, size.at("/oneOf/1/minItems").intValue());
        assertEquals(2, size.at("/oneOf/1/maxItems").intValue());
    }

    private void record(Class<?> type, JsonNode node, String discriminator, String path) {
        node = resolve(node);
        if (!seen.add(type)) {
            return;
        }
        assertEquals("object", node.path("type").textValue(), path);
        assertTrue(node.get("additionalProperties").isBoolean() && !node.get("additionalProperties").booleanValue(), path);
        Set<String> required = new HashSet<>(names(node.get("required")));
        Set<String> expected = new LinkedHashSet<>();
        if (discriminator != null) {
            expected.add(discriminator);
            assertTrue(required.contains(discriminator), path + discriminator);
        }
        for (RecordComponent c : type.getRecordComponents()) {
            String key = Names.of(c);
            String at = path + key;
            expected.add(key);
            JsonNode property = node.path("properties").get(key);
            assertNotNull(property, at + " is not in the schema");
            Default d = c.getAnnotation(Default.class);
            boolean optional = c.isAnnotationPresent(Optional.class);
            assertEquals(d == null && !optional, required.contains(key), at + " required");
            assertEquals(d != null, property.has("default"), at + " default");
            if (d != null) {
                JsonNode yaml = MAPPER.valueToTree(new Load(LoadSettings.builder().build()).loadFromString(d.value()));
                assertTrue(yaml.equals(NUMERIC, property.get("default")), at + ": " + property.get("default") + " is not " + d.value());
            }
            descend(c.getGenericType(), property, at);
        }
        assertEquals(expected, new LinkedHashSet<>(names(node.get("properties"))), path + " keys");
    }

    private void descend(Type type, JsonNode node, String path) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            assertEquals("array", node.path("type").textValue(), path);
            descend(p.getActualTypeArguments()[0], node.get("items"), path + "[]");
            return;
        }
        Class<?> c = (Class<?>) type;
        if (c == Size2.class || c == ShiftRange.class || c == ZoomRange.class) {
            assertEquals(2, resolve(node).get("oneOf").size(), path);
        } else if (c.isRecord()) {
            record(c, node, null, path + ".");
        } else if (c.isEnum()) {
            List<String> values = Arrays.stream(c.getEnumConstants()).map(e -> Names.of((Enum<?>) e)).toList();
            assertEquals(values, names(resolve(node).get("enum")), path);
        } else if (c.isInterface()) {
            registry(c, resolve(node).get("oneOf"), path);
        }
    }

    private void registry(Class<?> type, JsonNode oneOf, String path) {
        String discriminator = type.getAnnotation(Registry.class).discriminator();
        List<String> entryNames = new ArrayList<>();
        for (Class<?> entry : type.getPermittedSubclasses()) {
            String name = entry.getAnnotation(YamlName.class).value();
            entryNames.add(name);
            JsonNode branch = null;
            for (JsonNode candidate : oneOf) {
                JsonNode b = resolve(candidate);
                if (discriminator.isEmpty() ? b.path("properties").has(name)
                        : name.equals(b.at("/properties/" + discriminator + "/const").textValue())) {
                    branch = discriminator.isEmpty() ? b.path("properties").get(name) : b;
                }
            }
            assertNotNull(branch, path + ": no oneOf branch for " + name);
            record(entry, branch, discriminator.isEmpty() ? null : discriminator, path + " " + name + ".");
        }
        if (!discriminator.isEmpty()) {
            assertEquals(entryNames, names(oneOf.get(0).get("enum")), path + ": the bare names");
        }
    }

    private static JsonNode layer(String name) {
        JsonNode items = resolve(resolve(SCHEMA.at("/properties/model")).at("/properties/layers/items"));
        for (JsonNode branch : items.get("oneOf")) {
            if (branch.path("properties").has(name)) {
                return resolve(branch.path("properties").get(name));
            }
        }
        throw new AssertionError("no layer " + name);
    }

    private static JsonNode optimizer(String name) {
        JsonNode spec = resolve(resolve(SCHEMA.at("/properties/training")).at("/properties/optimizer"));
        for (JsonNode branch : spec.get("oneOf")) {
            if (name.equals(resolve(branch).at("/properties/type/const").textValue())) {
                return resolve(branch);
            }
        }
        throw new AssertionError("no optimizer " + name);
    }

    static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? SCHEMA.at(node.get("$ref").textValue().substring(1)) : node;
    }

    /** The texts of an array, or the field names of an object; empty for a missing node. */
    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isObject()) {
            node.fieldNames().forEachRemaining(out::add);
        } else if (node != null) {
            node.forEach(n -> out.add(n.textValue()));
        }
        return out;
    }
}
