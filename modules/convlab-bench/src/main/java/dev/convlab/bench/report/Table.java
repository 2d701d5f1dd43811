package dev.convlab.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table with padded columns, so the same text reads well in the document and on a terminal. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(header);
    }

    Table row(String... cells) {
        rows.add(cells);
        return this;
    }

    boolean isEmpty() {
        return rows.size() == 1;
    }

    @Override
    public String toString() {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], cell(r, c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            line(out, rows.get(i), width);
            if (i == 0) {
                String[] rule = new String[columns];
                for (int c = 0; c < columns; c++) {
                    rule[c] = "-".repeat(Math.max(3, width[c]));
                }
                line(out, rule, width);
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] width) {
        out.append('|');
        for (int c = 0; c < width.length; c++) {
            String s = cell(cells, c);
            out.append(' ').append(s).append(" ".repeat(width[c] - s.length())).append(" |");
        }
        out.append('\n');
    }

    private static String cell(String[] cells, int c) {
        return c < cells.length && cells[c] != null ? cells[c] : "";
    }
}
