package dev.convlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four idx files of a dataset as found in one folder. Each may be gzipped ({@code .gz}, as published) or not,
 * and may use the dot spelling some unpacked copies have ({@code train-images.idx3-ubyte}).
 */
record IdxFolder(Path folder, Map<String, Path> found, List<String> missing) {

    static IdxFolder look(Path folder) {
        Map<String, Path> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : IdxDataset.FILES) {
            Path file = firstExisting(folder, name);
            if (file != null) {
                found.put(name, file);
            } else {
                missing.add(name);
            }
        }
        return new IdxFolder(folder, found, missing);
    }

    boolean complete() {
        return missing.isEmpty();
    }

    Path file(String name) {
        return found.get(name);
    }

    /** "has none of the idx files" or "lacks t10k-images-idx3-ubyte(.gz)". */
    String problem() {
        if (found.isEmpty()) {
            return "holds none of the idx files";
        }
        return "lacks " + String.join(", ", missing.stream().map(m -> m + "(.gz)").toList());
    }

    private static Path firstExisting(Path folder, String name) {
        String dotted = name.replace("-idx", ".idx");
        for (String candidate : List.of(name + ".gz", name, dotted, dotted + ".gz")) {
            Path file = folder.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }
}
