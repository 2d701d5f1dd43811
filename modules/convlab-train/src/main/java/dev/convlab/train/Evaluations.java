package dev.convlab.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.evaluation.classification.ConfusionMatrix;
import org.nd4j.evaluation.classification.Evaluation;

/** An evaluation as JSON-ready data: accuracy, loss, per-class precision/recall/F1, confusion matrix. */
public final class Evaluations {
    private Evaluations() {
    }

    public static Map<String, Object> toMap(Metrics.Result result, List<String> classNames) {
        Evaluation e = result.evaluation();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("examples", result.examples());
        out.put("loss", Json.number(result.loss()));
        out.put("accuracy", Json.number(e.accuracy()));
        out.put("macro_precision", Json.number(e.precision()));
        out.put("macro_recall", Json.number(e.recall()));
        out.put("macro_f1", Json.number(e.f1()));
        List<Map<String, Object>> perClass = new ArrayList<>();
        ConfusionMatrix<Integer> cm = e.getConfusionMatrix();
        int n = classNames.size();
        for (int i = 0; i < n; i++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("class", classNames.get(i));
            c.put("precision", Json.number(e.precision(i)));
            c.put("recall", Json.number(e.recall(i)));
            c.put("f1", Json.number(e.f1(i)));
            c.put("support", cm == null ? 0 : cm.getActualTotal(i));
            perClass.add(c);
        }
        out.put("per_class", perClass);
        List<List<Integer>> matrix = new ArrayList<>();
        for (int actual = 0; actual < n; actual++) {
            List<Integer> row = new ArrayList<>();
            for (int predicted = 0; predicted < n; predicted++) {
                row.add(cm == null ? 0 : cm.getCount(actual, predicted));
            }
            matrix.add(row);
        }
        out.put("confusion_matrix", Map.of("rows", "actual", "columns", "predicted", "classes", classNames,
                "counts", matrix));
        return out;
    }
}
