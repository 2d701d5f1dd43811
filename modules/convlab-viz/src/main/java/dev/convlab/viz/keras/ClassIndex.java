package dev.convlab.viz.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convlab.config.BadInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Class names for an imported model's outputs: by index ("0", "1", ...), or from a class-index JSON in the format of
 * Keras's imagenet_class_index.json, {@code {"0": ["n01440764", "tench"], "1": ["n01443537", "goldfish"], ...}},
 * whose second entries are the names.
 */
public final class ClassIndex {
    private ClassIndex() {
    }

    /** "0" .. "n-1". */
    public static List<String> indices(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Integer.toString(i));
        }
        return out;
    }

    /**
     * @throws BadInput naming the file when it is missing, not JSON in that format, or not one name per output
     */
    public static List<String> read(Path file, int outputs) {
        String where = file.toString();
        String fix = "give a JSON file like Keras's imagenet_class_index.json: {\"0\": [\"n01440764\", \"tench\"],"
                + " ...}, one entry per output";
        if (!Files.isRegularFile(file)) {
            throw new BadInput(where, Files.exists(file) ? "is not a file" : "no such class-index file", fix);
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInput(where, "is not JSON (" + KerasWeights.firstLine(e.getMessage()) + ")", fix, e);
        }
        if (root == null || !root.isObject() || root.size() != outputs) {
            throw new BadInput(where, "has " + (root == null || !root.isObject() ? "no index" : root.size()
                    + " classes") + " for the model's " + outputs + " outputs", fix);
        }
        List<String> names = new ArrayList<>(outputs);
        for (int i = 0; i < outputs; i++) {
            JsonNode entry = root.get(Integer.toString(i));
            if (entry == null || !entry.isArray() || entry.size() < 2 || !entry.get(1).isTextual()) {
                throw new BadInput(where, "has no [id, name] entry for class " + i, fix);
            }
            names.add(entry.get(1).asText());
        }
        return names;
    }
}
