package dev.convlab.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A confusion matrix as a heatmap: rows are the true class, columns the predicted one, each cell coloured by its
 * count (matplotlib's "Blues", 0 to the largest count, with a colour bar) and labelled with it in black or white,
 * whichever contrasts. Class names label both axes; the column names turn 45 degrees when they are wider than a
 * cell. Sized for 2 to about 20 classes.
 */
public final class ConfusionChart {
    static final String TITLE = "confusion matrix (rows: true, columns: predicted)";
    private static final int TOP = 48;
    private static final int MARGIN = 12;
    private static final int MAX_LABEL_WIDTH = 170;
    private static final int BAR_WIDTH = 18;
    private static final double DIAGONAL = Math.sqrt(0.5);

    private ConfusionChart() {
    }

    public static BufferedImage draw(long[][] matrix, List<String> classNames) {
        Layout l = layout(matrix, classNames);
        BufferedImage image = Plot.image(l.width(), l.height());
        Graphics2D g = Plot.canvas(image);
        g.setColor(Plot.TEXT);
        g.setFont(Plot.sans(Font.BOLD, 15));
        Plot.text(g, TITLE, l.width() / 2.0, 14, 0.5, 0);
        drawCells(g, l, matrix);
        drawLabels(g, l);
        drawColourBar(g, l);
        g.dispose();
        return image;
    }

    /** Draws the chart and writes it as a PNG (atomically). */
    public static void write(Path png, long[][] matrix, List<String> classNames) throws IOException {
        Png.write(png, draw(matrix, classNames));
    }

    /** Refuses a matrix that is not n x n for n class names, or has a negative count. */
    static void check(long[][] matrix, List<String> classNames) {
        int n = classNames.size();
        if (n == 0) {
            throw new IllegalArgumentException("a confusion matrix needs at least one class");
        }
        if (matrix.length != n) {
            throw new IllegalArgumentException("confusion matrix has " + matrix.length + " rows for " + n
                    + " classes");
        }
        for (long[] row : matrix) {
            if (row.length != n) {
                throw new IllegalArgumentException("confusion matrix row has " + row.length + " columns for " + n
                        + " classes");
            }
            for (long count : row) {
                if (count < 0) {
                    throw new IllegalArgumentException("negative count in confusion matrix: " + count);
                }
            }
        }
    }

    /** Where everything goes; cells are {@code cell} pixels square, the matrix's top left at (left, top). */
    record Layout(int n, int cell, int left, int top, int width, int height, long max, Axis bar,
                  List<String> labels, boolean rotated) {
        Rectangle cell(int row, int column) {
            return new Rectangle(left + column * cell, top + row * cell, cell, cell);
        }

        int matrixSize() {
            return n * cell;
        }

        int barX() {
            return left + matrixSize() + 24;
        }
    }

    static Layout layout(long[][] matrix, List<String> classNames) {
        check(matrix, classNames);
        int n = classNames.size();
        int cell = Math.max(32, Math.min(110, 600 / n));
        Font font = labelFont();
        List<String> labels = classNames.stream().map(s -> Plot.fitMiddle(font, s, MAX_LABEL_WIDTH)).toList();
        double labelWidth = labels.stream().mapToDouble(s -> Plot.width(font, s)).max().orElse(0);
        double lineHeight = Plot.height(font);
        boolean rotated = labelWidth > cell - 6;
        double columnLabels = rotated ? 10 + DIAGONAL * (labelWidth + lineHeight / 2) + 4 : 6 + lineHeight + 4;
        int left = (int) Math.ceil(MARGIN + lineHeight + 10 + labelWidth + 8);
        if (rotated) {
            left = Math.max(left, (int) Math.ceil(MARGIN + DIAGONAL * (labelWidth - lineHeight / 2) - cell / 2.0));
        }
        long max = Arrays.stream(matrix).flatMapToLong(Arrays::stream).max().orElse(0);
        Axis bar = Axis.counts(max);
        Font tick = tickFont();
        double tickWidth = bar.ticks().stream().mapToDouble(t -> Plot.width(tick, bar.label(t))).max().orElse(0);
        int width = (int) Math.ceil(left + n * cell + 24 + BAR_WIDTH + 8 + tickWidth + MARGIN);
        width = Math.max(width, (int) Math.ceil(Plot.width(Plot.sans(Font.BOLD, 15), TITLE) + 2 * MARGIN));
        int height = (int) Math.ceil(TOP + n * cell + columnLabels + lineHeight + 8 + MARGIN);
        return new Layout(n, cell, left, TOP, width, height, max, bar, labels, rotated);
    }

    private static Font labelFont() {
        return Plot.sans(Font.PLAIN, 12);
    }

    private static Font tickFont() {
        return Plot.sans(Font.PLAIN, 11);
    }

    private static void drawCells(Graphics2D g, Layout l, long[][] matrix) {
        float size = (float) Math.max(9, Math.min(16, l.cell() * 0.3));
        for (int row = 0; row < l.n(); row++) {
            for (int column = 0; column < l.n(); column++) {
                long count = matrix[row][column];
                Color fill = Blues.at(l.max() == 0 ? 0 : (double) count / l.max());
                Rectangle r = l.cell(row, column);
                g.setColor(fill);
                g.fill(r);
                String text = Long.toString(count);
                Font font = Plot.sans(Font.PLAIN, size);
                double w = Plot.width(font, text);
                if (w > l.cell() - 6) {
                    font = font.deriveFont((float) Math.max(6, size * (l.cell() - 6) / w));
                }
                g.setFont(font);
                g.setColor(Blues.textOn(fill));
                Plot.text(g, text, r.getCenterX(), r.getCenterY(), 0.5, 0.5);
            }
        }
        g.setColor(Plot.FRAME);
        g.drawRect(l.left(), l.top(), l.matrixSize(), l.matrixSize());
    }

    private static void drawLabels(Graphics2D g, Layout l) {
        g.setFont(labelFont());
        g.setColor(Plot.TEXT);
        double bottom = l.top() + l.matrixSize();
        for (int i = 0; i < l.n(); i++) {
            Rectangle r = l.cell(i, i);
            Plot.text(g, l.labels().get(i), l.left() - 8, r.getCenterY(), 1, 0.5);
            if (l.rotated()) {
                AffineTransform saved = g.getTransform();
                g.translate(r.getCenterX(), bottom + 10);
                g.rotate(-Math.PI / 4);
                Plot.text(g, l.labels().get(i), 0, 0, 1, 0.5);
                g.setTransform(saved);
            } else {
                Plot.text(g, l.labels().get(i), r.getCenterX(), bottom + 6, 0.5, 0);
            }
        }
        double lineHeight = Plot.height(labelFont());
        double matrixCentre = l.top() + l.matrixSize() / 2.0;
        g.setFont(Plot.sans(Font.BOLD, 12));
        Plot.text(g, "predicted", l.left() + l.matrixSize() / 2.0, l.height() - MARGIN, 0.5, 1);
        AffineTransform saved = g.getTransform();
        double x = MARGIN + lineHeight / 2;
        g.rotate(-Math.PI / 2, x, matrixCentre);
        Plot.text(g, "true", x, matrixCentre, 0.5, 0.5);
        g.setTransform(saved);
    }

    private static void drawColourBar(Graphics2D g, Layout l) {
        int x = l.barX();
        int size = l.matrixSize();
        for (int y = 0; y < size; y++) {
            double value = (size - y - 0.5) / size * l.bar().max();
            g.setColor(Blues.at(l.max() == 0 ? 0 : value / l.max()));
            g.fillRect(x, l.top() + y, BAR_WIDTH, 1);
        }
        g.setColor(Plot.FRAME);
        g.drawRect(x, l.top(), BAR_WIDTH, size);
        g.setFont(tickFont());
        for (double t : l.bar().ticks()) {
            double y = l.top() + size - l.bar().fraction(t) * size;
            g.setColor(Plot.FRAME);
            g.draw(new Line2D.Double(x + BAR_WIDTH, y, x + BAR_WIDTH + 4, y));
            g.setColor(Plot.TEXT);
            Plot.text(g, l.bar().label(t), x + BAR_WIDTH + 7, y, 0, 0.5);
        }
    }
}
