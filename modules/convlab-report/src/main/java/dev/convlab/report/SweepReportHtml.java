package dev.convlab.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A sweep's report: one self-contained page with the best setting, the ranked results table and, for a
 * two-parameter grid, the heatmap of mean scores (embedded).
 */
public final class SweepReportHtml {
    private SweepReportHtml() {
    }

    /** The page; {@code heatmap} may be null. The first table row is the header. */
    public static String render(String title, List<String[]> facts, List<String[]> table, BufferedImage heatmap) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(title)).append("</title><style>body{font-family:sans-serif;margin:2em;color:#222}"
                        + "table{border-collapse:collapse}td,th{padding:4px 10px;border-bottom:1px solid #ddd;"
                        + "text-align:left}th{background:#f4f4f4}</style></head><body>\n<h1>")
                .append(Html.escape(title)).append("</h1>\n<table>\n");
        for (String[] f : facts) {
            h.append("<tr><th>").append(Html.escape(f[0])).append("</th><td>").append(Html.escape(f[1]))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Results, best first</h2>\n<table>\n");
        for (int i = 0; i < table.size(); i++) {
            h.append("<tr>");
            for (String cell : table.get(i)) {
                String tag = i == 0 ? "th" : "td";
                h.append('<').append(tag).append('>').append(Html.escape(cell)).append("</").append(tag).append('>');
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        if (heatmap != null) {
            h.append("<h2>Mean score by setting</h2>\n<img alt=\"heatmap of the mean score\" width=\"")
                    .append(heatmap.getWidth()).append("\" height=\"").append(heatmap.getHeight()).append("\" src=\"")
                    .append(Png.dataUri(heatmap)).append("\">\n");
        }
        return h.append("</body></html>\n").toString();
    }

    public static void write(Path html, String title, List<String[]> facts, List<String[]> table,
                             BufferedImage heatmap) throws IOException {
        AtomicWrite.write(html, render(title, facts, table, heatmap).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a picture (the heatmap beside the page) atomically. */
    public static void writePng(Path png, BufferedImage image) throws IOException {
        Png.write(png, image);
    }
}
