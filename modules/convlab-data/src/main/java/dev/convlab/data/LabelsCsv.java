package dev.convlab.data;

import dev.convlab.config.ConfigProblem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code data.labels_csv}: an image folder given as a CSV of {@code path,label} rows instead of class subfolders,
 * as Keras's flow_from_dataframe takes it. Paths are relative to the CSV's folder (or absolute); labels are class
 * names, sorted as Keras sorts them (by code point). An optional first row {@code path,label} (or filename/file,
 * class) is a header. Fields may be quoted ("a,b.png"), with "" for a quote inside.
 *
 * <p>A row naming a file that does not exist, or a file of a type convlab does not read, is a bad file for the
 * pre-scan (listed under {@code fail}, skipped under {@code skip}); a malformed row or a file named twice is an
 * error at once.
 */
final class LabelsCsv {
    private LabelsCsv() {
    }

    static ImageFolder read(String yamlPath, String configured) {
        Path csv = Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isRegularFile(csv)) {
            throw new ConfigProblem(yamlPath, csv + (Files.isDirectory(csv) ? " is a folder, not a CSV file" : " does not exist"),
                    "set " + yamlPath + " to a CSV file of path,label rows");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigProblem(yamlPath, csv + " cannot be read: " + Downloader.reason(e),
                    "check that it is a UTF-8 text file and readable");
        }
        Path root = csv.getParent();
        Map<Path, Integer> seen = new HashMap<>();
        List<Path> files = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<BadImage> rejected = new ArrayList<>();
        // every label is a class, also when none of its rows can be read: the pre-scan then reports the class
        TreeSet<String> names = new TreeSet<>(CodePointOrder.INSTANCE);
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int row = i + 1;
            List<String> fields = fields(line, yamlPath, csv, row);
            if (fields.size() != 2 || fields.get(0).isEmpty() || fields.get(1).isEmpty()) {
                throw new ConfigProblem(yamlPath, csv + " line " + row + ": expected path,label but found " + quote(line),
                        "give every row an image path and a class name, separated by a comma");
            }
            if (seen.isEmpty() && isHeader(fields)) {
                continue;
            }
            Path file = root.resolve(fields.get(0)).normalize();
            Integer previous = seen.put(file, row);
            if (previous != null) {
                throw new ConfigProblem(yamlPath, csv + " lines " + previous + " and " + row + " both name " + file,
                        "list every image once");
            }
            names.add(fields.get(1));
            String where = "line " + row + " of " + csv.getFileName();
            if (!Files.isRegularFile(file)) {
                rejected.add(new BadImage(file, "missing: named on " + where
                        + (Files.isDirectory(file) ? ", but it is a folder" : ", but there is no such file")));
            } else if (!ImageFolder.isImage(file)) {
                rejected.add(new BadImage(file, "not an image type convlab reads (" + String.join(", ", ImageFolder.FORMATS)
                        + "), named on " + where));
            } else {
                files.add(file);
                labels.add(fields.get(1));
            }
        }
        if (names.isEmpty()) {
            throw new ConfigProblem(yamlPath, csv + " has no path,label rows", "add one row per image: path,label");
        }
        List<String> classes = List.copyOf(names);
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            index.put(classes.get(c), c);
        }
        // LabeledFiles order: class by class, then by path
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, Integer>comparing(i -> index.get(labels.get(i)))
                .thenComparing(i -> files.get(i).toString(), CodePointOrder.INSTANCE));
        List<Path> sortedFiles = new ArrayList<>();
        int[] sortedLabels = new int[files.size()];
        for (int k = 0; k < order.size(); k++) {
            sortedFiles.add(files.get(order.get(k)));
            sortedLabels[k] = index.get(labels.get(order.get(k)));
        }
        return new ImageFolder(root, yamlPath, classes, new LabeledFiles(sortedFiles, sortedLabels), List.of(), rejected);
    }

    private static boolean isHeader(List<String> fields) {
        String path = fields.get(0).toLowerCase(java.util.Locale.ROOT);
        String label = fields.get(1).toLowerCase(java.util.Locale.ROOT);
        return (path.equals("path") || path.equals("filename") || path.equals("file"))
                && (label.equals("label") || label.equals("class"));
    }

    /** The fields of one CSV line (RFC 4180 quoting), each stripped of surrounding spaces. */
    static List<String> fields(String line, String yamlPath, Path csv, int row) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else if (c == ',') {
                fields.add(wasQuoted ? field.toString() : field.toString().strip());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new ConfigProblem(yamlPath, csv + " line " + row + ": a quoted field is not closed: " + quote(line),
                    "close the quote, or write \"\" for a quote inside a quoted field");
        }
        fields.add(wasQuoted ? field.toString() : field.toString().strip());
        return fields;
    }

    private static String quote(String line) {
        return "'" + (line.length() > 60 ? line.substring(0, 60) + "..." : line) + "'";
    }
}
