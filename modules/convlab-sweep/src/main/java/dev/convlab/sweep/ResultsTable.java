package dev.convlab.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sweep's answer, like scikit-learn's cv_results_: one row per trial with its parameters, mean and standard
 * deviation of the score over folds, rank, per-fold scores, fit time and status; ranked best first, failed trials
 * last. Written as text (printed), CSV, JSON and Markdown.
 */
final class ResultsTable {
    record Row(int index, String key, Map<String, Object> params, String status, List<Double> scores, double mean,
               double std, double seconds, String error, int rank) {
    }

    private final List<Row> rows;
    private final List<String> paramNames;
    private final String metric;
    private final int folds;

    ResultsTable(List<Row> unranked, String metric, boolean higherIsBetter, int folds) {
        this.metric = metric;
        this.folds = folds;
        Comparator<Row> order = Comparator.comparing((Row r) -> !"done".equals(r.status()) || Double.isNaN(r.mean()))
                .thenComparingDouble(r -> higherIsBetter ? -r.mean() : r.mean())
                .thenComparingInt(Row::index);
        List<Row> sorted = new ArrayList<>(unranked);
        sorted.sort(order);
        List<Row> ranked = new ArrayList<>();
        int rank = 0;
        Double previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            Row r = sorted.get(i);
            boolean scored = "done".equals(r.status()) && !Double.isNaN(r.mean());
            if (scored && (previous == null || r.mean() != previous)) {
                rank = i + 1; // ties share a rank, as scikit-learn's rank_test_score (method "min")
            }
            previous = scored ? r.mean() : previous;
            ranked.add(new Row(r.index(), r.key(), r.params(), r.status(), r.scores(), r.mean(), r.std(),
                    r.seconds(), r.error(), scored ? rank : 0));
        }
        this.rows = List.copyOf(ranked);
        List<String> names = new ArrayList<>();
        for (Row r : rows) {
            for (String p : r.params().keySet()) {
                if (!names.contains(p)) {
                    names.add(p);
                }
            }
        }
        this.paramNames = List.copyOf(names);
    }

    List<Row> rows() {
        return rows;
    }

    /** The best scored trial, or null if none succeeded. */
    Row best() {
        return rows.isEmpty() || rows.get(0).rank() != 1 ? null : rows.get(0);
    }

    String text() {
        List<String[]> cells = new ArrayList<>(cells());
        List<String> head = new ArrayList<>(List.of("rank"));
        head.addAll(shortNames());
        head.addAll(List.of("mean " + metric, "std", "folds", "fit s", "status"));
        cells.set(0, head.toArray(String[]::new));
        for (int i = 1; i < cells.size(); i++) {
            String[] row = cells.get(i).clone();
            String status = row[row.length - 1];
            int colon = status.indexOf(": "); // "failed: <error>": the error is shortened
            row[row.length - 1] = colon < 0 ? status : status.substring(0, colon + 2) + shorten(status.substring(colon + 2));
            cells.set(i, row);
        }
        int[] width = new int[head.size()];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                out.append(i == row.length - 1 ? row[i] : String.format("%-" + width[i] + "s  ", row[i]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Header and rows as cells, for the HTML report. */
    List<String[]> cells() {
        List<String[]> out = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("rank"));
        head.addAll(paramNames);
        head.addAll(List.of("mean " + metric, "std", "scores", "fit s", "status"));
        out.add(head.toArray(String[]::new));
        for (Row r : rows) {
            List<String> c = new ArrayList<>();
            c.add(r.rank() > 0 ? Integer.toString(r.rank()) : "-");
            paramNames.forEach(p -> c.add(value(r.params().get(p))));
            c.add(num(r.mean()));
            c.add(num(r.std()));
            c.add(String.join(" ", r.scores().stream().map(ResultsTable::num).toList()));
            c.add(String.format(Locale.ROOT, "%.1f", r.seconds()));
            c.add(r.status().equals("done") ? "ok" : r.status() + (r.error() != null ? ": " + r.error() : ""));
            out.add(c.toArray(String[]::new));
        }
        return out;
    }

    /** For a two-parameter sweep, the mean score heatmap (first parameter down, second across); else null. */
    java.awt.image.BufferedImage heatmap(boolean higherIsBetter) {
        if (paramNames.size() != 2) {
            return null;
        }
        List<String> down = new ArrayList<>();
        List<String> across = new ArrayList<>();
        List<Row> byIndex = new ArrayList<>(rows);
        byIndex.sort(java.util.Comparator.comparingInt(Row::index));
        for (Row r : byIndex) {
            String a = value(r.params().get(paramNames.get(0)));
            String b = value(r.params().get(paramNames.get(1)));
            if (!down.contains(a)) {
                down.add(a);
            }
            if (!across.contains(b)) {
                across.add(b);
            }
        }
        double[][] scores = new double[down.size()][across.size()];
        for (double[] row : scores) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (Row r : rows) {
            if (r.status().equals("done")) {
                scores[down.indexOf(value(r.params().get(paramNames.get(0))))]
                        [across.indexOf(value(r.params().get(paramNames.get(1))))] = r.mean();
            }
        }
        return dev.convlab.report.ScoreHeatmap.draw(paramNames.get(0), down, paramNames.get(1), across, scores,
                metric, higherIsBetter);
    }

    String markdown() {
        StringBuilder md = new StringBuilder("| rank | ");
        md.append(String.join(" | ", paramNames.stream().map(p -> "`" + p + "`").toList()));
        md.append(" | mean ").append(metric).append(" | std | ");
        for (int k = 1; k <= Math.max(folds, 1); k++) {
            md.append(folds > 0 ? "fold " + k : "holdout").append(" | ");
        }
        md.append("fit s | status |\n|");
        md.append(" --- |".repeat(paramNames.size() + 5 + Math.max(folds, 1))).append('\n');
        for (Row r : rows) {
            md.append("| ").append(r.rank() > 0 ? r.rank() : "-").append(" | ");
            for (String p : paramNames) {
                md.append(value(r.params().get(p)).replace("|", "\\|")).append(" | ");
            }
            md.append(num(r.mean())).append(" | ").append(num(r.std())).append(" | ");
            for (int k = 0; k < Math.max(folds, 1); k++) {
                md.append(k < r.scores().size() ? num(r.scores().get(k)) : "").append(" | ");
            }
            md.append(String.format(Locale.ROOT, "%.1f", r.seconds())).append(" | ")
                    .append(r.status().equals("done") ? "ok" : (r.status() + (r.error() != null ? ": "
                            + r.error().replace("|", "\\|").replace("\n", " ") : ""))).append(" |\n");
        }
        return md.toString();
    }

    String csv() {
        StringBuilder csv = new StringBuilder("rank_test_score,");
        paramNames.forEach(p -> csv.append(quote("param_" + p)).append(','));
        csv.append("mean_test_score,std_test_score,");
        for (int k = 0; k < Math.max(folds, 1); k++) {
            csv.append("split").append(k).append("_test_score,");
        }
        csv.append("mean_fit_time,status,error,key\n");
        for (Row r : rows) {
            csv.append(r.rank() > 0 ? r.rank() : "").append(',');
            paramNames.forEach(p -> csv.append(quote(value(r.params().get(p)))).append(','));
            csv.append(csvNum(r.mean())).append(',').append(csvNum(r.std())).append(',');
            for (int k = 0; k < Math.max(folds, 1); k++) {
                csv.append(k < r.scores().size() ? csvNum(r.scores().get(k)) : "").append(',');
            }
            csv.append(csvNum(r.seconds() / Math.max(folds, 1))).append(',').append(r.status()).append(',')
                    .append(quote(r.error() == null ? "" : r.error())).append(',').append(r.key()).append('\n');
        }
        return csv.toString();
    }

    List<Map<String, Object>> json() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", r.rank() > 0 ? r.rank() : null);
            m.put("index", r.index());
            m.put("key", r.key());
            m.put("params", r.params());
            m.put("mean", dev.convlab.train.Json.number(r.mean()));
            m.put("std", dev.convlab.train.Json.number(r.std()));
            m.put("scores", r.scores().stream().map(dev.convlab.train.Json::number).toList());
            m.put("fit_seconds", r.seconds());
            m.put("status", r.status());
            m.put("error", r.error());
            out.add(m);
        }
        return out;
    }

    /** The last path segment is usually enough (batch_size, epochs); whole paths only where they would clash. */
    private List<String> shortNames() {
        List<String> shortNames = new ArrayList<>();
        for (String p : paramNames) {
            String s = p.substring(p.lastIndexOf('.') + 1);
            long same = paramNames.stream().filter(q -> q.substring(q.lastIndexOf('.') + 1).equals(s)).count();
            shortNames.add(same > 1 ? p : s);
        }
        return shortNames;
    }

    static String value(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(k + ": " + value(x)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof Double d) {
            if (d != 0 && (Math.abs(d) >= 1e5 || Math.abs(d) < 1e-3)) {
                return String.format(Locale.ROOT, "%.3g", d);
            }
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String csvNum(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String shorten(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 90 ? one.substring(0, 87) + "..." : one;
    }
}
