package dev.convlab.report;

import java.util.List;

/**
 * Everything {@link ReportHtml} puts in a report, as plain values. Absent parts are allowed and leave their
 * section out (or say so): an empty history, NaN test metrics, {@code null} per-class arrays or confusion matrix.
 * Null strings become empty and null lists empty lists; arrays are not copied.
 *
 * @param title         the page title, e.g. the run directory's name
 * @param configYaml    the resolved config, shown verbatim
 * @param summaryText   the Keras-style model summary, shown in monospace
 * @param history       one point per epoch
 * @param testLoss      mean loss on the test set (NaN: not evaluated)
 * @param testAccuracy  accuracy on the test set, 0..1 (NaN: not evaluated)
 * @param testExamples  how many test images the metrics cover
 * @param classNames    class names in label order
 * @param precision     per class, in label order, or null; NaN where undefined (never predicted)
 * @param recall        per class, or null
 * @param f1            per class, or null
 * @param confusion     rows = true class, columns = predicted, or null
 * @param misclassified some misclassified test images, shown as a grid
 * @param facts         key/value lines for the top table (backend, seed, duration...), each {@code {key, value}}
 */
public record ReportContent(String title, String configYaml, String summaryText, List<EpochPoint> history,
                            double testLoss, double testAccuracy, long testExamples, List<String> classNames,
                            double[] precision, double[] recall, double[] f1, long[][] confusion,
                            List<Example> misclassified, List<String[]> facts) {

    public ReportContent {
        title = title == null ? "" : title;
        configYaml = configYaml == null ? "" : configYaml;
        summaryText = summaryText == null ? "" : summaryText;
        history = history == null ? List.of() : List.copyOf(history);
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        misclassified = misclassified == null ? List.of() : List.copyOf(misclassified);
        facts = facts == null ? List.of() : List.copyOf(facts);
        int n = classNames.size();
        perClass("precision", precision, n);
        perClass("recall", recall, n);
        perClass("f1", f1, n);
        if (confusion != null) {
            ConfusionChart.check(confusion, classNames);
        }
        for (String[] fact : facts) {
            if (fact.length != 2) {
                throw new IllegalArgumentException("a fact is {key, value}, got " + fact.length + " strings");
            }
        }
    }

    private static void perClass(String name, double[] values, int classes) {
        if (values != null && values.length != classes) {
            throw new IllegalArgumentException(name + " has " + values.length + " values for " + classes
                    + " classes");
        }
    }
}
