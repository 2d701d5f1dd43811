package dev.convlab.config.schema;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convlab.config.ShiftRange;
import dev.convlab.config.Size2;
import dev.convlab.config.ZoomRange;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The JSON Schema (draft 2020-12) of the YAML format, made by reflection from the config records, so that editors
 * can complete and check a config. The root record is inlined; every other record, enum, registry and value type (Size2, ShiftRange, ZoomRange) is one
 * entry of {@code $defs}, named by its Java simple name and sorted, so the output is stable and diffs stay small.
 */
public final class SchemaGenerator {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final Map<String, ObjectNode> defs = new TreeMap<>();
    private final Map<String, Class<?>> defOwners = new HashMap<>();

    private SchemaGenerator() {
    }

    public static ObjectNode schema(Class<?> root) {
        SchemaGenerator generator = new SchemaGenerator();
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", "convlab config");
        schema.setAll(generator.record(root, null));
        schema.set("$defs", JSON.objectNode().setAll(generator.defs));
        return schema;
    }

    /** The schema as pretty-printed JSON with "\n" line ends and a final newline, on every platform. */
    public static String json(Class<?> root) {
        try {
            return new ObjectMapper().writer(new Printer()).writeValueAsString(schema(root)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The schema of one value of the given shape (a fresh node, so callers may add description and default). */
    private ObjectNode value(Shape shape) {
        ObjectNode node = JSON.objectNode();
        if (shape instanceof Shape.Scalar s) {
            node.put("type", s.jsonType());
        } else if (shape instanceof Shape.ListShape l) {
            node.put("type", "array");
            node.set("items", value(l.item()));
        } else if (shape instanceof Shape.EnumShape e) {
            node.put("$ref", define(e.type(), () -> enumeration(e)));
        } else if (shape instanceof Shape.RecordShape r) {
            node.put("$ref", define(r.type(), () -> record(r.type(), null)));
        } else if (shape instanceof Shape.SizeShape) {
            node.put("$ref", define(Size2.class, this::size));
        } else if (shape instanceof Shape.ShiftShape) {
            node.put("$ref", define(ShiftRange.class, this::shift));
        } else if (shape instanceof Shape.ZoomShape) {
            node.put("$ref", define(ZoomRange.class, this::zoom));
        } else if (shape instanceof Shape.RegistryShape r) {
            node.put("$ref", define(r.type(), () -> registry(r)));
        }
        return node;
    }

    /** Adds a $defs entry once; the placeholder goes in first so a record that reaches itself terminates. */
    private String define(Class<?> type, Supplier<ObjectNode> body) {
        String name = type.getSimpleName();
        Class<?> owner = defOwners.putIfAbsent(name, type);
        if (owner != null && owner != type) {
            throw new IllegalStateException(owner.getName() + " and " + type.getName() + " share the $defs name " + name);
        }
        if (owner == null) {
            ObjectNode placeholder = JSON.objectNode();
            defs.put(name, placeholder);
            placeholder.setAll(body.get());
        }
        return "#/$defs/" + name;
    }

    /** A record's mapping; an entry of a discriminated registry also takes the discriminator key. */
    private ObjectNode record(Class<?> type, String discriminator) {
        ObjectNode node = JSON.objectNode();
        describe(node, Names.doc(type));
        node.put("type", "object");
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        if (discriminator != null) {
            String name = Names.of(type);
            properties.putObject(discriminator).put("description", "selects " + name).put("const", name);
            required.add(discriminator);
        }
        for (Option option : Option.of(type)) {
            if (option.key().equals(discriminator)) {
                throw new IllegalStateException(option.where() + " is named like the registry's discriminator");
            }
            ObjectNode property = JSON.objectNode();
            describe(property, option.doc());
            property.setAll(value(option.shape()));
            if (option.presence() == Option.Presence.DEFAULT) {
                property.set("default", DefaultValue.of(option));
            } else if (option.presence() == Option.Presence.REQUIRED) {
                required.add(option.key());
            }
            properties.set(option.key(), property);
        }
        if (!required.isEmpty()) {
            node.set("required", required);
        }
        node.put("additionalProperties", false);
        return node;
    }

    private ObjectNode enumeration(Shape.EnumShape e) {
        ObjectNode node = JSON.objectNode();
        describe(node, Names.doc(e.type()));
        node.put("type", "string");
        ArrayNode values = node.putArray("enum");
        // Not a validation keyword: VS Code and the YAML language server show these next to each value.
        ArrayNode docs = JSON.arrayNode();
        for (Enum<?> constant : e.constants()) {
            values.add(Names.of(constant));
            docs.add(constantDoc(constant));
        }
        node.set("enumDescriptions", docs);
        return node;
    }

    static String constantDoc(Enum<?> constant) {
        try {
            return Names.doc(constant.getDeclaringClass().getField(constant.name()));
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode size() {
        ObjectNode node = JSON.objectNode();
        describe(node, Names.doc(Size2.class));
        ArrayNode oneOf = node.putArray("oneOf");
        oneOf.addObject().put("type", "integer").put("minimum", 1);
        ObjectNode pair = oneOf.addObject().put("type", "array");
        pair.putObject("items").put("type", "integer").put("minimum", 1);
        pair.put("minItems", 2).put("maxItems", 2);
        return node;
    }

    private ObjectNode shift() {
        ObjectNode node = JSON.objectNode();
        describe(node, Names.doc(ShiftRange.class));
        ArrayNode oneOf = node.putArray("oneOf");
        oneOf.addObject().put("type", "number").put("minimum", 0);
        ObjectNode list = oneOf.addObject().put("type", "array");
        list.putObject("items").put("type", "number").put("minimum", 0);
        list.put("minItems", 1);
        return node;
    }

    private ObjectNode zoom() {
        ObjectNode node = JSON.objectNode();
        describe(node, Names.doc(ZoomRange.class));
        ArrayNode oneOf = node.putArray("oneOf");
        oneOf.addObject().put("type", "number").put("minimum", 0);
        ObjectNode pair = oneOf.addObject().put("type", "array");
        pair.putObject("items").put("type", "number").put("minimum", 0);
        pair.put("minItems", 2).put("maxItems", 2);
        return node;
    }

    private ObjectNode registry(Shape.RegistryShape r) {
        ObjectNode node = JSON.objectNode();
        describe(node, Names.doc(r.type()));
        ArrayNode oneOf = node.putArray("oneOf");
        String discriminator = r.discriminator();
        if (!discriminator.isEmpty()) {
            // A bare name means that entry with every default.
            ObjectNode bare = oneOf.addObject().put("description", "a name alone: that entry with all its defaults");
            bare.put("type", "string");
            ArrayNode names = bare.putArray("enum");
            r.entries().forEach(entry -> names.add(Names.of(entry)));
        }
        for (Class<?> entry : r.entries()) {
            if (discriminator.isEmpty()) {
                ObjectNode one = oneOf.addObject().put("type", "object");
                one.putObject("properties").putObject(Names.of(entry))
                        .put("$ref", define(entry, () -> record(entry, null)));
                one.putArray("required").add(Names.of(entry));
                one.put("additionalProperties", false);
            } else {
                oneOf.addObject().put("$ref", define(entry, () -> record(entry, discriminator)));
            }
        }
        return node;
    }

    private static void describe(ObjectNode node, String doc) {
        if (!doc.isEmpty()) {
            node.put("description", doc);
        }
    }

    /** Two-space indents, "key": value, and "\n" even on Windows, so the committed file compares equal anywhere. */
    private static final class Printer extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;

        Printer() {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            indentObjectsWith(indenter);
            indentArraysWith(indenter);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new Printer();
        }

        /** "{}" rather than Jackson's "{ }" for the default of a mapping whose keys all have defaults. */
        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            if (!_objectIndenter.isInline()) {
                --_nesting;
            }
            if (entries > 0) {
                _objectIndenter.writeIndentation(g, _nesting);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }
    }
}
