package dev.convlab.config.schema;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One key of a record's YAML mapping: its name, shape, whether it may be left out, and its documentation, read
 * from the component's annotations.
 */
public record Option(RecordComponent component, String key, Shape shape, Presence presence, String defaultYaml,
        String doc) {

    public enum Presence { REQUIRED, DEFAULT, OPTIONAL }

    /** The keys of a record, in declaration order. */
    public static List<Option> of(Class<?> record) {
        List<Option> options = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            Option option = of(c);
            if (!keys.add(option.key())) {
                throw new IllegalStateException(record.getName() + " has two components named '" + option.key() + "'");
            }
            options.add(option);
        }
        return options;
    }

    static Option of(RecordComponent c) {
        Default d = c.getAnnotation(Default.class);
        boolean optional = c.isAnnotationPresent(Optional.class);
        String where = c.getDeclaringRecord().getSimpleName() + "." + c.getName();
        // Both would leave the binder two meanings for a missing key; a primitive cannot hold the null of @Optional.
        if (d != null && optional) {
            throw new IllegalStateException(where + " has both @Default and @Optional");
        }
        if (optional && c.getType().isPrimitive()) {
            throw new IllegalStateException(where + " is @Optional but primitive: use the boxed type");
        }
        Presence presence = d != null ? Presence.DEFAULT : optional ? Presence.OPTIONAL : Presence.REQUIRED;
        return new Option(c, Names.of(c), Shape.of(c.getGenericType()), presence, d != null ? d.value() : null,
                Names.doc(c));
    }

    public String where() {
        return component.getDeclaringRecord().getSimpleName() + "." + component.getName();
    }
}
