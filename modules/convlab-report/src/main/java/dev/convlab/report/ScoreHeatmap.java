package dev.convlab.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * A two-parameter sweep's mean scores as a heatmap: one row per value of the first parameter, one column per value of
 * the second, the cell coloured by its score (darker is better, whichever way the metric goes) with the score
 * written in it; a cell with no score (failed trial) is left white with a dash.
 */
public final class ScoreHeatmap {
    private static final int CELL = 90;
    private static final int LEFT = 150;
    private static final int TOP = 60;

    private ScoreHeatmap() {
    }

    /**
     * @param scores         scores[row][column], NaN where there is none
     * @param higherIsBetter whether a higher score is the better one (accuracy) or the lower (loss)
     */
    public static BufferedImage draw(String rowName, List<String> rows, String columnName, List<String> columns,
                                     double[][] scores, String metric, boolean higherIsBetter) {
        if (scores.length != rows.size() || rows.isEmpty() || columns.isEmpty()) {
            throw new IllegalArgumentException("scores must have one row per row label, and there must be some");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : scores) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("every row needs one score per column label");
            }
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        int width = LEFT + CELL * columns.size() + 20;
        int height = TOP + CELL * rows.size() + 50;
        BufferedImage image = Plot.image(width, height);
        Graphics2D g = Plot.canvas(image);
        Font title = Plot.sans(Font.BOLD, 14f);
        Font label = Plot.sans(Font.PLAIN, 12f);
        g.setFont(title);
        g.setColor(Plot.TEXT);
        Plot.text(g, "mean " + metric + " (darker is better)", width / 2.0, 20, 0.5, 0.5);
        g.setFont(label);
        for (int c = 0; c < columns.size(); c++) {
            Plot.text(g, Plot.fitMiddle(label, columns.get(c), CELL - 4), LEFT + CELL * (c + 0.5), TOP - 10, 0.5, 1);
        }
        for (int r = 0; r < rows.size(); r++) {
            Plot.text(g, Plot.fitMiddle(label, rows.get(r), LEFT - 12), LEFT - 8, TOP + CELL * (r + 0.5), 1, 0.5);
            for (int c = 0; c < columns.size(); c++) {
                double v = scores[r][c];
                int x = LEFT + CELL * c;
                int y = TOP + CELL * r;
                Color fill = Color.WHITE;
                if (!Double.isNaN(v)) {
                    double t = hi > lo ? (v - lo) / (hi - lo) : 1.0;
                    fill = Blues.at(higherIsBetter ? t : 1 - t);
                }
                g.setColor(fill);
                g.fillRect(x, y, CELL, CELL);
                g.setColor(Plot.FRAME);
                g.drawRect(x, y, CELL, CELL);
                g.setColor(Double.isNaN(v) ? Plot.MUTED : Blues.textOn(fill));
                Plot.text(g, Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4f", v), x + CELL / 2.0,
                        y + CELL / 2.0, 0.5, 0.5);
            }
        }
        g.setColor(Plot.TEXT);
        Plot.text(g, Plot.fitMiddle(label, "rows: " + rowName + "   columns: " + columnName, width - 20), width / 2.0,
                TOP + CELL * rows.size() + 25, 0.5, 0.5);
        g.dispose();
        return image;
    }
}
