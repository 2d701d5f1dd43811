package dev.convlab.report;

import static dev.convlab.report.Html.escape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;

/** The report's tables: run facts, the per-epoch history and the test evaluation with its per-class metrics. */
final class ReportTables {
    private ReportTables() {
    }

    static void facts(StringBuilder out, List<String[]> facts) {
        if (facts.isEmpty()) {
            return;
        }
        out.append("<table class=\"facts\">\n");
        for (String[] fact : facts) {
            out.append("<tr><th>").append(escape(fact[0])).append("</th><td>").append(escape(fact[1]))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    /** One row per epoch; validation columns only if some epoch has them, the best validation accuracy bold. */
    static void history(StringBuilder out, List<EpochPoint> history) {
        boolean validation = history.stream()
                .anyMatch(p -> Double.isFinite(p.valLoss()) || Double.isFinite(p.valAccuracy()));
        int best = -1;
        for (int i = 0; i < history.size(); i++) {
            double v = history.get(i).valAccuracy();
            if (Double.isFinite(v) && (best < 0 || v > history.get(best).valAccuracy())) {
                best = i;
            }
        }
        out.append("<table class=\"history\">\n<tr><th>epoch</th><th>loss</th><th>accuracy</th>");
        if (validation) {
            out.append("<th>val_loss</th><th>val_accuracy</th>");
        }
        out.append("</tr>\n");
        for (int i = 0; i < history.size(); i++) {
            EpochPoint p = history.get(i);
            out.append(i == best ? "<tr class=\"best\">" : "<tr>");
            cells(out, Integer.toString(p.epoch()), Html.decimal(p.loss(), 4), Html.decimal(p.accuracy(), 4));
            if (validation) {
                cells(out, Html.decimal(p.valLoss(), 4), Html.decimal(p.valAccuracy(), 4));
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
        if (best >= 0) {
            out.append("<p class=\"note\">Bold: the best validation accuracy (epoch ")
                    .append(history.get(best).epoch()).append(").</p>\n");
        }
    }

    static void evaluation(StringBuilder out, ReportContent c) {
        if (!Double.isFinite(c.testAccuracy()) && !Double.isFinite(c.testLoss())) {
            out.append("<p class=\"note\">Not evaluated on test data.</p>\n");
        } else {
            out.append("<p class=\"headline\">test accuracy <b>").append(Html.percent(c.testAccuracy()))
                    .append("</b> · loss ").append(Html.decimal(c.testLoss(), 4)).append(" · ")
                    .append(Html.count(c.testExamples())).append(" test images</p>\n");
        }
        if (c.classNames().isEmpty() || (c.precision() == null && c.recall() == null && c.f1() == null)) {
            return;
        }
        List<String> heads = new ArrayList<>(List.of("precision", "recall", "F1"));
        boolean support = c.confusion() != null;
        if (support) {
            heads.add("support");
        }
        out.append("<table class=\"classes\">\n<tr><th class=\"key\">class</th>");
        heads.forEach(h -> out.append("<th>").append(h).append("</th>"));
        out.append("</tr>\n");
        for (int i = 0; i < c.classNames().size(); i++) {
            out.append("<tr><td class=\"name\">").append(escape(c.classNames().get(i))).append("</td>");
            cells(out, at(c.precision(), i), at(c.recall(), i), at(c.f1(), i));
            if (support) {
                cells(out, Html.count(Arrays.stream(c.confusion()[i]).sum()));
            }
            out.append("</tr>\n");
        }
        out.append("<tr class=\"total\"><td class=\"name\">macro average</td>");
        cells(out, mean(c.precision()), mean(c.recall()), mean(c.f1()));
        if (support) {
            cells(out, Html.count(Arrays.stream(c.confusion()).flatMapToLong(Arrays::stream).sum()));
        }
        out.append("</tr>\n</table>\n");
    }

    private static void cells(StringBuilder out, String... values) {
        for (String v : values) {
            out.append("<td>").append(escape(v)).append("</td>");
        }
    }

    private static String at(double[] values, int i) {
        return values == null ? Html.ABSENT : Html.decimal(values[i], 4);
    }

    /** The mean of the defined values (a class never predicted has no precision). */
    private static String mean(double[] values) {
        if (values == null) {
            return Html.ABSENT;
        }
        return Html.decimal(DoubleStream.of(values).filter(Double::isFinite).average().orElse(Double.NaN), 4);
    }
}
