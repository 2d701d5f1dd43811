package dev.convlab.tutorials;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * Several runs' curves in one picture, which a run's own report (one run each) cannot show: left, training
 * (solid) and validation (dashed) accuracy per epoch; right, the gap between them, training minus validation.
 *
 * <p>Usage: {@code CompareCurves OUT.png TITLE LABEL=history.csv...}
 */
public final class CompareCurves {
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd)};
    private static final int PANEL_W = 430;
    private static final int PANEL_H = 300;
    private static final int MARGIN_L = 55;
    private static final int MARGIN_T = 60;
    private static final int MARGIN_B = 75;

    private CompareCurves() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: CompareCurves OUT.png TITLE LABEL=history.csv...");
            System.exit(2);
        }
        List<History> runs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 1) {
                System.err.println("expected LABEL=history.csv, got " + args[i]);
                System.exit(2);
            }
            runs.add(History.read(args[i].substring(0, eq), Path.of(args[i].substring(eq + 1))));
        }
        ImageIO.write(draw(args[1], runs), "png", Path.of(args[0]).toFile());
    }

    static BufferedImage draw(String title, List<History> runs) {
        int width = MARGIN_L + PANEL_W + MARGIN_L + PANEL_W + 25;
        int height = MARGIN_T + PANEL_H + MARGIN_B + 22 * runs.size();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Canvas.white(image);
        try {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title, MARGIN_L, 24);
            int epochs = runs.stream().mapToInt(History::epochs).max().orElse(1);
            double lo = 1;
            double gapLo = 0;
            double gapHi = 0;
            for (History h : runs) {
                for (int e = 0; e < h.epochs(); e++) {
                    lo = Math.min(lo, Math.min(h.accuracy(e), h.valAccuracy(e)));
                    gapLo = Math.min(gapLo, h.accuracy(e) - h.valAccuracy(e));
                    gapHi = Math.max(gapHi, h.accuracy(e) - h.valAccuracy(e));
                }
            }
            lo = Math.max(0, Math.floor(lo * 10) / 10);
            Panel acc = new Panel(MARGIN_L, MARGIN_T, epochs, lo, 1, "accuracy (solid: training, dashed: validation)");
            Panel gap = new Panel(MARGIN_L * 2 + PANEL_W, MARGIN_T, epochs, Math.floor(gapLo * 20) / 20,
                    Math.max(0.05, Math.ceil(gapHi * 20) / 20), "gap: training - validation accuracy");
            acc.frame(g);
            gap.frame(g);
            for (int r = 0; r < runs.size(); r++) {
                History h = runs.get(r);
                Color c = COLOURS[r % COLOURS.length];
                acc.line(g, h.epochs(), h::accuracy, c, false);
                acc.line(g, h.epochs(), h::valAccuracy, c, true);
                gap.line(g, h.epochs(), e -> h.accuracy(e) - h.valAccuracy(e), c, false);
                int y = MARGIN_T + PANEL_H + 45 + 22 * r;
                g.setColor(c);
                g.setStroke(new BasicStroke(3));
                g.drawLine(MARGIN_L, y - 5, MARGIN_L + 30, y - 5);
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
                int last = h.epochs() - 1;
                g.drawString(String.format(Locale.ROOT, "%s: last epoch training %.4f, validation %.4f, gap %+.4f",
                        h.label(), h.accuracy(last), h.valAccuracy(last), h.accuracy(last) - h.valAccuracy(last)),
                        MARGIN_L + 40, y);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** One plot area: epochs 1..n across, [lo, hi] up. */
    private record Panel(int x0, int y0, int epochs, double lo, double hi, String title) {
        double x(double epoch) {
            return x0 + (epochs == 1 ? PANEL_W / 2.0 : (epoch - 1) * PANEL_W / (epochs - 1));
        }

        double y(double v) {
            return y0 + PANEL_H - (v - lo) * PANEL_H / (hi - lo);
        }

        void frame(Graphics2D g) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setStroke(new BasicStroke(1));
            double step = 0.01;
            for (double nice : new double[] {0.01, 0.02, 0.05, 0.1, 0.2, 0.5}) {
                step = nice;
                if ((hi - lo) / nice <= 8) {
                    break;
                }
            }
            for (double v = Math.ceil(lo / step - 1e-9) * step; v <= hi + 1e-9; v += step) {
                int y = (int) Math.round(y(v));
                g.setColor(new Color(0xe8e8e8));
                g.drawLine(x0, y, x0 + PANEL_W, y);
                g.setColor(Color.DARK_GRAY);
                g.drawString(String.format(Locale.ROOT, "%.2f", v), x0 - 40, y + 4);
            }
            int every = Math.max(1, (int) Math.ceil(epochs / 10.0));
            for (int e = 1; e <= epochs; e += every) {
                int x = (int) Math.round(x(e));
                g.drawString(Integer.toString(e), x - 4, y0 + PANEL_H + 16);
            }
            g.drawString("epoch", x0 + PANEL_W / 2 - 15, y0 + PANEL_H + 32);
            g.setColor(Color.GRAY);
            g.drawRect(x0, y0, PANEL_W, PANEL_H);
            if (lo < 0 && hi > 0) {
                g.setColor(Color.GRAY);
                int y = (int) Math.round(y(0));
                g.drawLine(x0, y, x0 + PANEL_W, y);
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString(title, x0, y0 - 10);
        }

        void line(Graphics2D g, int n, IntToDoubleFunction value, Color colour, boolean dashed) {
            Path2D path = new Path2D.Double();
            for (int e = 0; e < n; e++) {
                double x = x(e + 1);
                double y = y(value.applyAsDouble(e));
                if (e == 0) {
                    path.moveTo(x, y);
                } else {
                    path.lineTo(x, y);
                }
                g.setColor(colour);
                g.fill(new java.awt.geom.Ellipse2D.Double(x - 3, y - 3, 6, 6));
            }
            g.setColor(colour);
            g.setStroke(dashed ? new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10,
                    new float[] {7, 5}, 0) : new BasicStroke(2));
            g.draw(path);
        }
    }
}
