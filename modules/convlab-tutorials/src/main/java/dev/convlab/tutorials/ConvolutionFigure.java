package dev.convlab.tutorials;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** The worked example as a picture: input (first window marked), filter, and the feature map DL4J computed. */
final class ConvolutionFigure {
    private static final int CELL = 44;
    private static final int GAP = 60;
    private static final int TOP = 50;
    private static final Color WINDOW = new Color(0xBBD7F2);
    private static final Color FILTER = new Color(0xF6D7A7);
    private static final Color RESULT = new Color(0xC9E7C0);

    private ConvolutionFigure() {
    }

    static void write(double[][] input, double[][] filter, double[][] map, String sum, Path png) throws IOException {
        int left = 30;
        int xFilter = left + input[0].length * CELL + GAP;
        int xMap = xFilter + filter[0].length * CELL + GAP;
        // room for the title over the map, which is wider than a 3x3 grid
        int width = xMap + Math.max(map[0].length * CELL, 200) + 30;
        int height = TOP + input.length * CELL + 70;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Canvas.white(image);
        try {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.setColor(Color.DARK_GRAY);
            g.drawString("input 5x5", left, TOP - 14);
            g.drawString("filter 3x3", xFilter, TOP - 14);
            g.drawString("feature map 3x3 (DL4J)", xMap, TOP - 14);
            grid(g, input, left, TOP, filter.length, filter[0].length, WINDOW);
            grid(g, filter, xFilter, TOP, filter.length, filter[0].length, FILTER);
            grid(g, map, xMap, TOP, 1, 1, RESULT);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
            int middle = TOP + filter.length * CELL / 2 + 10;
            g.drawString("*", xFilter - GAP / 2 - 7, middle);
            g.drawString("=", xMap - GAP / 2 - 9, middle);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 13));
            g.drawString("top-left cell: " + sum, left, TOP + input.length * CELL + 35);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }

    /** Cells with their numbers; the top-left {@code rows} x {@code cols} block filled with {@code mark}. */
    private static void grid(Graphics2D g, double[][] m, int x0, int y0, int rows, int cols, Color mark) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        FontMetrics fm = g.getFontMetrics();
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m[0].length; c++) {
                int x = x0 + c * CELL;
                int y = y0 + r * CELL;
                g.setColor(r < rows && c < cols ? mark : Color.WHITE);
                g.fillRect(x, y, CELL, CELL);
                g.setColor(Color.GRAY);
                g.setStroke(new BasicStroke(1));
                g.drawRect(x, y, CELL, CELL);
                String text = Matrices.number(m[r][c]);
                g.setColor(Color.BLACK);
                g.drawString(text, x + (CELL - fm.stringWidth(text)) / 2, y + (CELL + fm.getAscent()) / 2 - 3);
            }
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2.5f));
        g.drawRect(x0, y0, cols * CELL, rows * CELL);
    }
}
