package dev.convlab.config.schema;

import dev.convlab.config.ShiftRange;
import dev.convlab.config.Size2;
import dev.convlab.config.ZoomRange;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;

/**
 * What a Java type of the config records looks like in YAML, by the binder's rules. The schema and the reference
 * both classify types here, so they cannot disagree about the format; a type the binder does not know fails here
 * instead of being documented wrongly.
 */
public sealed interface Shape {

    /** A JSON scalar: {@code integer}, {@code number}, {@code boolean} or {@code string}. */
    record Scalar(String jsonType) implements Shape {
    }

    /** A string naming one constant ({@link Names#of(Enum)}). */
    record EnumShape(Class<? extends Enum<?>> type) implements Shape {
        public List<? extends Enum<?>> constants() {
            return Arrays.asList(type.getEnumConstants());
        }
    }

    record ListShape(Shape item) implements Shape {
    }

    /** A record written as a mapping of its components. */
    record RecordShape(Class<?> type) implements Shape {
    }

    /** {@link Size2}: a positive integer n for (n, n), or [height, width]. */
    record SizeShape() implements Shape {
    }

    /** {@link ShiftRange}: a number, a whole number, or a list of numbers, as Keras's shift ranges. */
    record ShiftShape() implements Shape {
    }

    /** {@link ZoomRange}: a number z, or [lower, upper]. */
    record ZoomShape() implements Shape {
    }

    /** A sealed interface with {@link Registry}: its permitted records are chosen by their {@link YamlName}. */
    record RegistryShape(Class<?> type) implements Shape {
        /** Empty for one-key mappings ({@code - conv2d: {...}}), else the key that names the entry. */
        public String discriminator() {
            return type.getAnnotation(Registry.class).discriminator();
        }

        public List<Class<?>> entries() {
            return List.of(type.getPermittedSubclasses());
        }
    }

    @SuppressWarnings("unchecked")
    static Shape of(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return new ListShape(of(p.getActualTypeArguments()[0]));
        }
        if (type == int.class || type == Integer.class || type == long.class) {
            return new Scalar("integer");
        }
        if (type == double.class || type == Double.class) {
            return new Scalar("number");
        }
        if (type == boolean.class) {
            return new Scalar("boolean");
        }
        if (type == String.class) {
            return new Scalar("string");
        }
        if (type == Size2.class) {
            return new SizeShape();
        }
        if (type == ShiftRange.class) {
            return new ShiftShape();
        }
        if (type == ZoomRange.class) {
            return new ZoomShape();
        }
        if (type instanceof Class<?> c) {
            if (c.isEnum()) {
                return new EnumShape((Class<? extends Enum<?>>) c);
            }
            if (c.isRecord()) {
                return new RecordShape(c);
            }
            if (c.isSealed() && c.isAnnotationPresent(Registry.class)) {
                for (Class<?> entry : c.getPermittedSubclasses()) {
                    if (!entry.isRecord()) {
                        throw new IllegalStateException(entry.getName() + " is a registry entry but not a record");
                    }
                    Names.of(entry); // fails early when an entry has no @YamlName
                }
                return new RegistryShape(c);
            }
        }
        throw new IllegalStateException(type.getTypeName()
                + " is not a type of the config format (see Shape: the YAML binder and the docs know only these)");
    }
}
