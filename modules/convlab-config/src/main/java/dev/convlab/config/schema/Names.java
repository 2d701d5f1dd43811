package dev.convlab.config.schema;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;

/**
 * The one naming rule of the format: a record component's YAML key is its {@link YamlName}, or its Java name
 * turned from camelCase to snake_case ({@code kernelSize} is {@code kernel_size}); an enum constant's is its
 * {@link YamlName} or its lower-cased name; a registry entry's is its {@link YamlName}.
 */
public final class Names {
    private Names() {
    }

    public static String of(RecordComponent component) {
        YamlName name = component.getAnnotation(YamlName.class);
        return name != null ? name.value() : snake(component.getName());
    }

    public static String of(Enum<?> constant) {
        try {
            YamlName name = constant.getDeclaringClass().getField(constant.name()).getAnnotation(YamlName.class);
            return name != null ? name.value() : constant.name().toLowerCase(java.util.Locale.ROOT);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The YAML name of a registry entry (a record annotated with {@link YamlName}). */
    public static String of(Class<?> entry) {
        YamlName name = entry.getAnnotation(YamlName.class);
        if (name == null) {
            throw new IllegalStateException(entry.getName() + " is a registry entry without @YamlName");
        }
        return name.value();
    }

    /** The documentation sentence of an element, or "" when it has none. */
    public static String doc(AnnotatedElement element) {
        Doc doc = element.getAnnotation(Doc.class);
        return doc != null ? doc.value() : "";
    }

    public static String snake(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
