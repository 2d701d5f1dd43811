package dev.convlab.train;

import dev.convlab.config.ConfigProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keras's checkpoint file name template: {@code {name}} or {@code {name:spec}} with Python's format spec for
 * numbers ({@code 02d}, {@code .4f}, {@code .3e}, {@code g}). {@code epoch} is 1-based as in Keras's file names;
 * {@code iteration} counts training batches; the rest are the epoch's metrics.
 */
final class FilepathTemplate {
    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");
    private static final Pattern SPEC = Pattern.compile("(0?)(\\d*)(?:\\.(\\d+))?([dfeg%]?)");
    private final String template;
    private final List<String> names = new ArrayList<>();

    FilepathTemplate(String template, List<String> metrics, String yamlPath) {
        this.template = template;
        Matcher m = FIELD.matcher(template);
        while (m.find()) {
            String name = m.group(1);
            if (!name.equals("epoch") && !name.equals("iteration") && !metrics.contains(name)) {
                throw new ConfigProblem(yamlPath, "{" + name + "} in '" + template + "' is not a value of this run",
                        "use {epoch}, {iteration} or one of: " + String.join(", ", metrics));
            }
            if (m.group(2) != null && !SPEC.matcher(m.group(2)).matches()) {
                throw new ConfigProblem(yamlPath, "'" + m.group(2) + "' in '" + template + "' is not a number format",
                        "write e.g. {epoch:02d} or {val_accuracy:.4f}");
            }
            names.add(name);
        }
        String rest = FIELD.matcher(template).replaceAll("");
        if (rest.contains("{") || rest.contains("}")) {
            throw new ConfigProblem(yamlPath, "'" + template + "' has a brace that is not part of a {name} field",
                    "write fields as {epoch:02d} or {val_loss:.4f}");
        }
    }

    /** Whether the name changes from save to save (otherwise each save replaces the file). */
    boolean varies() {
        return !names.isEmpty();
    }

    List<String> names() {
        return List.copyOf(names);
    }

    String format(Map<String, Double> values) {
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Double v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(format(v == null ? Double.NaN : v, m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String format(double value, String spec) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (spec == null || spec.isEmpty()) {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                    : Double.toString(value);
        }
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException(spec);
        }
        String flags = m.group(1) + m.group(2);
        String precision = m.group(3) != null ? "." + m.group(3) : "";
        return switch (m.group(4)) {
            case "d" -> String.format(Locale.ROOT, "%" + flags + "d", Math.round(value));
            case "e" -> String.format(Locale.ROOT, "%" + flags + precision + "e", value);
            case "g" -> String.format(Locale.ROOT, "%" + flags + precision + "g", value);
            case "%" -> String.format(Locale.ROOT, "%" + flags + precision + "f%%", value * 100);
            default -> String.format(Locale.ROOT, "%" + flags + (precision.isEmpty() ? ".6" : precision) + "f", value);
        };
    }
}
