package dev.convlab.config.yaml;

import dev.convlab.config.ShiftRange;
import dev.convlab.config.Size2;
import dev.convlab.config.ZoomRange;
import dev.convlab.config.schema.Names;
import dev.convlab.config.schema.Registry;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes records back as YAML with every default filled in: the run directory's config.yaml, which loads to the
 * same records. Keys come out in declaration order so the text (and its hash) is stable.
 */
public final class ConfigWriter {
    private ConfigWriter() {
    }

    public static String toYaml(Object record) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2)
                .setIndicatorIndent(0).setWidth(120).build();
        return new Dump(settings).dumpToString(plain(record));
    }

    /** Records as maps, lists and scalars, as the YAML would hold them. */
    public static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return Names.of(e);
        }
        if (value instanceof Size2 size) {
            return size.isSquare() ? (Object) size.height() : List.of(size.height(), size.width());
        }
        if (value instanceof ShiftRange shift) {
            // the YAML type carries the meaning, as the Python type does in Keras
            return switch (shift.kind()) {
                case WHOLE -> (Object) (int) shift.range();
                case UNIFORM -> (Object) shift.range();
                case CHOICE -> new ArrayList<Object>(shift.values());
            };
        }
        if (value instanceof ZoomRange zoom) {
            return List.of(zoom.lower(), zoom.upper());
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                out.add(plain(item));
            }
            return out;
        }
        if (value instanceof Record record) {
            Map<String, Object> fields = fields(record);
            for (Class<?> face : record.getClass().getInterfaces()) {
                Registry registry = face.getAnnotation(Registry.class);
                if (registry == null) {
                    continue;
                }
                String name = Names.of(record.getClass());
                if (registry.discriminator().isEmpty()) {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put(name, fields);
                    return one;
                }
                Map<String, Object> typed = new LinkedHashMap<>();
                typed.put(registry.discriminator(), name);
                typed.putAll(fields);
                return typed;
            }
            return fields;
        }
        throw new IllegalArgumentException("cannot write " + value.getClass());
    }

    private static Map<String, Object> fields(Record record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                Object v = component.getAccessor().invoke(record);
                if (v != null && !(v instanceof List<?> l && l.isEmpty())) {
                    out.put(Names.of(component), plain(v));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
