package dev.convlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Keras's {@code model.summary()} table, from a plan: name (type), output shape, parameters, and the totals. */
public final class ModelSummary {
    private static final String[] HEADERS = {"Layer (type)", "Output Shape", "Param #"};

    private ModelSummary() {
    }

    public static String text(ModelPlan plan, String title) {
        List<String[]> rows = new ArrayList<>();
        for (PlannedLayer layer : plan.layers()) {
            rows.add(new String[] {layer.name() + " (" + layer.kerasType() + ")", layer.output().keras(), count(layer.params())});
        }
        int[] widths = new int[HEADERS.length];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = HEADERS[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        int total = 1 + widths[0] + 2 + widths[1] + 2 + widths[2]; // the rules are as wide as a row
        StringBuilder out = new StringBuilder();
        out.append("Model: \"").append(title).append("\"\n");
        out.append("_".repeat(total)).append('\n');
        line(out, HEADERS, widths);
        out.append("=".repeat(total)).append('\n');
        for (String[] row : rows) {
            line(out, row, widths);
        }
        out.append("=".repeat(total)).append('\n');
        out.append("Total params: ").append(withSize(plan.totalParams())).append('\n');
        out.append("Trainable params: ").append(withSize(plan.trainableParams())).append('\n');
        out.append("Non-trainable params: ").append(withSize(plan.nonTrainableParams())).append('\n');
        if (plan.transfer() != null) {
            Transfer t = plan.transfer();
            List<String> names = plan.layerNames();
            out.append("Base: ").append(t.from()).append(": kept ").append(names.get(0)).append(" .. ")
                    .append(names.get(t.kept() - 1)).append(" with its weights; frozen ")
                    .append(t.frozen() == 0 ? "none" : names.get(0) + " .. " + names.get(t.frozen() - 1)).append('\n');
        }
        out.append("_".repeat(total)).append('\n');
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] widths) {
        out.append(' ');
        for (int c = 0; c < cells.length; c++) {
            out.append(cells[c]);
            if (c < cells.length - 1) {
                out.append(" ".repeat(widths[c] - cells[c].length() + 2));
            }
        }
        out.append('\n');
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "13,610 (53.16 KB)": parameters are float32, sizes in 1024-byte units as Keras 3 prints them. */
    private static String withSize(long params) {
        return count(params) + " (" + Bytes.readable(params * Float.BYTES) + ")";
    }
}
