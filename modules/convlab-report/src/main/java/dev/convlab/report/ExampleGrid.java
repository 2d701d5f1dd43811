package dev.convlab.report;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Classified images in a grid, each scaled up without smoothing (nearest neighbour, so a 28x28 digit becomes at
 * least 84 pixels wide and its pixels stay visible) above the caption "true: X" / "pred: Y (0.93)", the prediction
 * in red when it is wrong. Meant for the misclassified test images; an empty list gives a small picture saying so.
 */
public final class ExampleGrid {
    /** The smallest side a cell's image is scaled up to (a whole factor, so 28 pixels become 84). */
    static final int MIN_IMAGE_SIDE = 84;
    private static final int PAD = 8;
    private static final int MIN_CELL_WIDTH = 168;
    private static final int LINE = 16;

    private ExampleGrid() {
    }

    /** The grid, {@code min(columns, examples)} cells wide, as many rows as needed. */
    public static BufferedImage draw(List<Example> examples, int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, got " + columns);
        }
        if (examples.isEmpty()) {
            return Plot.message("no misclassified test images");
        }
        int cols = Math.min(columns, examples.size());
        int rows = (examples.size() + cols - 1) / cols;
        Dimension cell = cellSize(examples);
        int scale = scale(examples);
        BufferedImage image = Plot.image(cols * cell.width, rows * cell.height);
        Graphics2D g = Plot.canvas(image);
        for (int i = 0; i < examples.size(); i++) {
            drawCell(g, examples.get(i), (i % cols) * cell.width, (i / cols) * cell.height, cell, scale);
        }
        g.dispose();
        return image;
    }

    /** Draws the grid and writes it as a PNG (atomically). */
    public static void write(Path png, List<Example> examples, int columns) throws IOException {
        Png.write(png, draw(examples, columns));
    }

    /** The whole factor every image is scaled by: the largest image's longer side becomes at least 84 pixels. */
    static int scale(List<Example> examples) {
        int side = examples.stream().mapToInt(e -> Math.max(e.height(), e.width())).max().orElse(1);
        return Math.max(1, (MIN_IMAGE_SIDE + side - 1) / side);
    }

    static Dimension cellSize(List<Example> examples) {
        int s = scale(examples);
        int w = examples.stream().mapToInt(Example::width).max().orElse(1) * s;
        int h = examples.stream().mapToInt(Example::height).max().orElse(1) * s;
        return new Dimension(Math.max(MIN_CELL_WIDTH, w + 2 * PAD), PAD + h + 6 + 2 * LINE + PAD);
    }

    /** Where the image of the cell whose top left is (0, 0) goes: centred, PAD below the top. */
    static int imageX(Example e, Dimension cell, int scale) {
        return (cell.width - e.width() * scale) / 2;
    }

    private static void drawCell(Graphics2D g, Example e, int x, int y, Dimension cell, int scale) {
        int w = e.width() * scale;
        int h = e.height() * scale;
        int ix = x + imageX(e, cell, scale);
        int iy = y + PAD;
        Object hint = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(ExamplePixels.toImage(e), ix, iy, w, h, null);
        if (hint != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, hint);
        }
        g.setColor(Plot.GRID);
        g.drawRect(ix - 1, iy - 1, w + 1, h + 1);
        Font font = Plot.sans(Font.PLAIN, 12);
        g.setFont(font);
        double maxWidth = cell.width - 2 * PAD;
        double cx = x + cell.width / 2.0;
        double ty = y + PAD + e.height() * scale + 6;
        g.setColor(Plot.TEXT);
        Plot.text(g, Plot.fit(font, "true: " + e.trueLabel(), maxWidth), cx, ty, 0.5, 0);
        String confidence = Double.isFinite(e.confidence())
                ? String.format(Locale.ROOT, " (%.2f)", e.confidence()) : "";
        g.setColor(e.predictedLabel().equals(e.trueLabel()) ? Plot.TEXT : Plot.WRONG);
        Plot.text(g, Plot.fit(font, "pred: " + e.predictedLabel() + confidence, maxWidth), cx, ty + LINE, 0.5, 0);
    }
}
