package dev.convlab.train;

import dev.convlab.config.BadInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * evaluation.json read back (the keys {@link Evaluations} writes): test loss and accuracy, per-class metrics and the
 * confusion matrix. A JSON null (what NaN becomes) reads as NaN.
 *
 * @param confusion rows = true class, columns = predicted
 */
record EvaluationFile(double loss, double accuracy, long examples, List<String> classNames, double[] precision,
                      double[] recall, double[] f1, long[][] confusion) {
    private static final String FIX = "evaluation.json is written by convlab train; restore it, or rerun "
            + "convlab evaluate on the model";

    /** The evaluation, or null when the run has none (it ended before its test evaluation). */
    static EvaluationFile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new BadInput(file.toString(), "cannot be read: " + e.getMessage(), FIX);
        }
        try {
            return parse(Json.read(text));
        } catch (IllegalArgumentException e) {
            throw new BadInput(file.toString(), "is damaged: " + e.getMessage(), FIX);
        }
    }

    private static EvaluationFile parse(Map<String, Object> json) {
        Map<?, ?> matrix = get(json, "confusion_matrix", Map.class);
        List<?> names = get(matrix, "classes", List.class);
        List<String> classes = names.stream().map(String::valueOf).toList();
        List<?> rows = get(matrix, "counts", List.class);
        int n = classes.size();
        if (n == 0) {
            throw new IllegalArgumentException("confusion_matrix.classes is empty");
        }
        long[][] confusion = new long[n][];
        if (rows.size() != n) {
            throw new IllegalArgumentException("the confusion matrix has " + rows.size() + " rows for " + n
                    + " classes");
        }
        for (int i = 0; i < n; i++) {
            if (!(rows.get(i) instanceof List<?> row)) {
                throw new IllegalArgumentException("confusion matrix row " + i + " is not a list");
            }
            confusion[i] = row.stream().mapToLong(EvaluationFile::count).toArray();
            if (confusion[i].length != n) {
                throw new IllegalArgumentException("confusion matrix row " + i + " has " + confusion[i].length
                        + " counts for " + n + " classes");
            }
        }
        List<?> perClass = get(json, "per_class", List.class);
        if (perClass.size() != n) {
            throw new IllegalArgumentException("per_class has " + perClass.size() + " entries for " + n + " classes");
        }
        double[] precision = new double[n];
        double[] recall = new double[n];
        double[] f1 = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(perClass.get(i) instanceof Map<?, ?> c)) {
                throw new IllegalArgumentException("per_class entry " + i + " is not an object");
            }
            precision[i] = number(c.get("precision"));
            recall[i] = number(c.get("recall"));
            f1[i] = number(c.get("f1"));
        }
        long examples = count(json.get("examples"));
        return new EvaluationFile(number(json.get("loss")), number(json.get("accuracy")), examples, classes,
                precision, recall, f1, confusion);
    }

    private static <T> T get(Map<?, ?> json, String key, Class<T> type) {
        Object value = json.get(key);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(key + " is " + (value == null ? "missing" : "not a "
                    + type.getSimpleName().toLowerCase(java.util.Locale.ROOT)));
        }
        return type.cast(value);
    }

    private static double number(Object value) {
        if (value == null) {
            return Double.NaN;
        }
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("'" + value + "' is not a number");
        }
        return n.doubleValue();
    }

    private static long count(Object value) {
        if (!(value instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException("'" + value + "' is not a count");
        }
        return n.longValue();
    }

    /** Test images whose predicted class is not their true class: the confusion matrix off its diagonal. */
    long wrong() {
        long sum = 0;
        for (int i = 0; i < confusion.length; i++) {
            for (int j = 0; j < confusion[i].length; j++) {
                sum += i == j ? 0 : confusion[i][j];
            }
        }
        return sum;
    }
}
