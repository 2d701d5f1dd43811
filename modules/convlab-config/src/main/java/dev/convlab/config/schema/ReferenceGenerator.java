package dev.convlab.config.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Markdown config reference, made by the same reflection as the schema: one section per record at the first
 * YAML path that reaches it (later uses link there), a table of its keys, and the values of every enum at the end.
 */
public final class ReferenceGenerator {
    /** Enums with at most this many values also list them in the type column, to spare a click. */
    private static final int INLINE_VALUES = 4;

    private final StringBuilder body = new StringBuilder();
    private final Map<Class<?>, String> anchors = new HashMap<>();
    private final Set<String> usedAnchors = new HashSet<>(Set.of("values"));
    private final Set<Class<? extends Enum<?>>> enums = new LinkedHashSet<>();
    private final List<String> registryRules = new ArrayList<>();

    private ReferenceGenerator() {
    }

    /** The whole document, "\n" line ends, ending in a newline. */
    public static String markdown(Class<?> root, String regenerateCommand) {
        ReferenceGenerator g = new ReferenceGenerator();
        g.assign(root, "top level");
        g.record(root, "top level", "", null);
        g.values();
        return g.intro(root, regenerateCommand) + g.body;
    }

    private String intro(Class<?> root, String regenerateCommand) {
        StringBuilder s = new StringBuilder("# convlab config reference\n\n");
        s.append("<!-- Generated from the records in dev.convlab.config; do not edit. Regenerate with:\n     ")
                .append(regenerateCommand).append(" -->\n\n");
        s.append("A config file is one YAML mapping, ").append(escape(Names.doc(root)))
                .append(". Every key is documented where it is declared, in the Java records of `dev.convlab.config`;"
                        + " this page and the JSON Schema `convlab.schema.json` beside it are generated from them."
                        + " Editors that speak the YAML language server check and complete a config after the line"
                        + " `# yaml-language-server: $schema=<path to>/convlab.schema.json`.\n\n");
        s.append("## How to read it\n\n");
        s.append("- Each section below is one mapping; its table lists every key it takes. Keys are snake_case."
                + " Any other key is an error.\n");
        s.append("- **required** keys must be given. A key with a default may be left out and then takes that"
                + " default (written as YAML). An **optional** key may be left out and is then unset (an empty"
                + " list for a list).\n");
        s.append("- `integer` is a whole number; `number` also takes whole numbers (`1` means `1.0`). Enumerated"
                + " values are strings, listed with their meaning under [Values](#values).\n");
        s.append("- A size is a positive whole number `n`, meaning `n` x `n`, or a list of exactly two, "
                + "`[height, width]`.\n");
        s.append("- A shift (Keras's width_shift_range, height_shift_range) is a number `r`: uniform in [-r, r];"
                + " a whole number `n`: whole pixels in (-n, n); or a list: one of its values with a random sign."
                + " The values are fractions of the image's size when all are below 1, else pixels (`0.1` and `1.0`"
                + " are numbers, `1` is a whole number).\n");
        s.append("- A zoom is a number `z`, meaning [1 - z, 1 + z], or a list `[lower, upper]`; row and column"
                + " factors are drawn from it independently, and a factor above 1 makes the content smaller, as in"
                + " Keras.\n");
        registryRules.forEach(rule -> s.append("- ").append(rule).append('\n'));
        return s.append('\n').toString();
    }

    /** Gives a type its section path on first sight; false when it already has one. */
    private boolean assign(Class<?> type, String path) {
        if (anchors.containsKey(type)) {
            return false;
        }
        String anchor = path.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (!usedAnchors.add(anchor)) {
            throw new IllegalStateException("two sections would share the anchor #" + anchor + " (" + path + ")");
        }
        anchors.put(type, anchor);
        return true;
    }

    /** A record's section; {@code prefix} starts its keys' paths ("" at the top level, else "path."). */
    private void record(Class<?> type, String path, String prefix, String discriminator) {
        heading(type, path, Names.doc(type));
        body.append("| key | type | default | description |\n| --- | --- | --- | --- |\n");
        if (discriminator != null) {
            row(discriminator, "`" + Names.of(type) + "`", "required", "selects " + Names.of(type));
        }
        Map<Shape, String> children = new LinkedHashMap<>();
        for (Option option : Option.of(type)) {
            String childPath = prefix + option.key() + (option.shape() instanceof Shape.ListShape ? "[]" : "");
            Shape inner = option.shape() instanceof Shape.ListShape l ? l.item() : option.shape();
            if (inner instanceof Shape.RecordShape r && assign(r.type(), childPath)
                    || inner instanceof Shape.RegistryShape g && assign(g.type(), childPath)) {
                children.put(inner, childPath);
            }
            String presence = switch (option.presence()) {
                case REQUIRED -> "required";
                case OPTIONAL -> "optional";
                case DEFAULT -> "`" + option.defaultYaml().replace("|", "\\|") + "`";
            };
            row(option.key(), type(option.shape()), presence, escape(option.doc()));
        }
        body.append('\n');
        children.forEach((shape, childPath) -> {
            if (shape instanceof Shape.RecordShape r) {
                record(r.type(), childPath, childPath + ".", null);
            } else {
                registry((Shape.RegistryShape) shape, childPath);
            }
        });
    }

    private void registry(Shape.RegistryShape r, String path) {
        String discriminator = r.discriminator();
        String first = Names.of(r.entries().get(0));
        String rule = discriminator.isEmpty()
                ? " is a one-key mapping: the entry's name, then its options (`- " + first
                        + ": {...}`; `{}` when every option keeps its default)."
                : " is either a name alone (`" + first + "`: every option at its default) or a mapping that names"
                        + " it with `" + discriminator + "` (`{" + discriminator + ": " + first + ", ...}`).";
        String subject = discriminator.isEmpty() ? "Each item of " : "";
        registryRules.add(subject + "[`" + path + "`](#" + anchors.get(r.type()) + ")" + rule);
        rule = subject.isEmpty() ? "It" + rule : "Each item" + rule;
        heading(r.type(), path, Names.doc(r.type()));
        body.append(rule).append("\n\n| name | description |\n| --- | --- |\n");
        Map<Class<?>, String> mine = new LinkedHashMap<>();
        for (Class<?> entry : r.entries()) {
            String entryPath = discriminator.isEmpty() ? path + " " + Names.of(entry)
                    : path + " (" + discriminator + ": " + Names.of(entry) + ")";
            if (assign(entry, entryPath)) {
                mine.put(entry, entryPath);
            }
            body.append("| [`").append(Names.of(entry)).append("`](#").append(anchors.get(entry)).append(") | ")
                    .append(escape(Names.doc(entry))).append(" |\n");
        }
        body.append('\n');
        mine.forEach((entry, entryPath) ->
                record(entry, entryPath, entryPath + ".", discriminator.isEmpty() ? null : discriminator));
    }

    private void values() {
        body.append("## <a id=\"values\"></a>Values\n\n");
        for (Class<? extends Enum<?>> e : enums) {
            body.append("### ").append(anchor(e)).append(e.getSimpleName()).append("\n\n");
            String doc = Names.doc(e);
            if (!doc.isEmpty()) {
                body.append(escape(doc)).append("\n\n");
            }
            body.append("| value | meaning |\n| --- | --- |\n");
            for (Enum<?> constant : e.getEnumConstants()) {
                body.append("| `").append(Names.of(constant)).append("` | ")
                        .append(escape(SchemaGenerator.constantDoc(constant))).append(" |\n");
            }
            body.append('\n');
        }
    }

    private String type(Shape shape) {
        if (shape instanceof Shape.Scalar s) {
            return s.jsonType();
        }
        if (shape instanceof Shape.ListShape l) {
            return "list of " + type(l.item());
        }
        if (shape instanceof Shape.SizeShape) {
            return "size: `n` or `[h, w]`";
        }
        if (shape instanceof Shape.ShiftShape) {
            return "shift: `r`, `n` or `[a, b, ...]`";
        }
        if (shape instanceof Shape.ZoomShape) {
            return "zoom: `z` or `[lower, upper]`";
        }
        if (shape instanceof Shape.EnumShape e) {
            if (enums.add(e.type())) {
                assign(e.type(), "values " + e.type().getSimpleName());
            }
            String link = "[" + e.type().getSimpleName() + "](#" + anchors.get(e.type()) + ")";
            return e.constants().size() > INLINE_VALUES ? link
                    : link + ": " + e.constants().stream().map(c -> "`" + Names.of(c) + "`").collect(Collectors.joining(", "));
        }
        Class<?> target = shape instanceof Shape.RecordShape r ? r.type() : ((Shape.RegistryShape) shape).type();
        String kind = shape instanceof Shape.RecordShape ? "mapping"
                : ((Shape.RegistryShape) shape).discriminator().isEmpty() ? "one-key mapping" : "name or mapping";
        return "[" + kind + "](#" + anchors.get(target) + ")";
    }

    private void heading(Class<?> type, String path, String doc) {
        String title = path.equals("top level") ? "Top level" : "`" + path + "`";
        body.append("## ").append(anchor(type)).append(title).append("\n\n");
        if (!doc.isEmpty()) {
            body.append(capitalised(escape(doc))).append(".\n\n");
        }
    }

    /** Explicit anchors: GitHub's own slugs of "`model.layers[] conv2d`" differ between renderers. */
    private String anchor(Class<?> type) {
        return "<a id=\"" + anchors.get(type) + "\"></a>";
    }

    private void row(String key, String type, String presence, String doc) {
        body.append("| `").append(key).append("` | ").append(type).append(" | ").append(presence).append(" | ")
                .append(doc).append(" |\n");
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Table cells break on "|", and GitHub takes "<name>" for an HTML tag and hides it. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*", "\\*");
    }
}
