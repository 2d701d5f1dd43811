package dev.convlab.config.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Just the JSON Schema 2020-12 keywords that SchemaGenerator writes, so the tests can run the schema without a
 * validator dependency. An unknown keyword throws: this must never pass a schema it does not understand.
 */
final class MiniValidator {
    private static final Set<String> ANNOTATIONS =
            Set.of("$schema", "$defs", "title", "description", "default", "enumDescriptions");
    private final JsonNode root;

    MiniValidator(JsonNode root) {
        this.root = root;
    }

    List<String> errors(JsonNode instance) {
        List<String> errors = new ArrayList<>();
        validate(root, instance, "$", errors);
        return errors;
    }

    private void validate(JsonNode schema, JsonNode value, String at, List<String> errors) {
        for (Iterator<String> keywords = schema.fieldNames(); keywords.hasNext(); ) {
            String keyword = keywords.next();
            JsonNode s = schema.get(keyword);
            switch (keyword) {
                case "$ref" -> validate(root.at(s.textValue().substring(1)), value, at, errors);
                case "type" -> check(hasType(value, s.textValue()), at + " is not a " + s.textValue(), errors);
                case "enum" -> check(contains(s, value), at + " " + value + " is not one of " + s, errors);
                case "const" -> check(s.equals(value), at + " " + value + " is not " + s, errors);
                case "minimum" -> check(!value.isNumber() || value.doubleValue() >= s.doubleValue(), at + " < " + s, errors);
                case "minItems" -> check(!value.isArray() || value.size() >= s.intValue(), at + " has too few items", errors);
                case "maxItems" -> check(!value.isArray() || value.size() <= s.intValue(), at + " has too many items", errors);
                case "items" -> {
                    for (int i = 0; value.isArray() && i < value.size(); i++) {
                        validate(s, value.get(i), at + "[" + i + "]", errors);
                    }
                }
                case "properties" -> value.fields().forEachRemaining(e -> {
                    if (s.has(e.getKey())) {
                        validate(s.get(e.getKey()), e.getValue(), at + "." + e.getKey(), errors);
                    }
                });
                case "required" -> s.forEach(name -> check(!value.isObject() || value.has(name.textValue()),
                        at + " lacks " + name.textValue(), errors));
                case "additionalProperties" -> value.fieldNames().forEachRemaining(name -> check(
                        s.booleanValue() || schema.path("properties").has(name), at + " has unknown key " + name, errors));
                case "oneOf" -> {
                    int matches = 0;
                    for (JsonNode branch : s) {
                        List<String> branchErrors = new ArrayList<>();
                        validate(branch, value, at, branchErrors);
                        matches += branchErrors.isEmpty() ? 1 : 0;
                    }
                    check(matches == 1, at + " matches " + matches + " of oneOf, not exactly one", errors);
                }
                default -> {
                    if (!ANNOTATIONS.contains(keyword)) {
                        throw new IllegalArgumentException("MiniValidator does not know the keyword " + keyword);
                    }
                }
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber() || value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue());
            case "number" -> value.isNumber();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode item : array) {
            if (item.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static void check(boolean ok, String error, List<String> errors) {
        if (!ok) {
            errors.add(error);
        }
    }
}
