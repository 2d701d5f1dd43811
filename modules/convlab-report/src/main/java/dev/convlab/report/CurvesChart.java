package dev.convlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;

/**
 * The training curves of a run as one picture, after the Keras tutorial figures: two panels side by side, loss and
 * accuracy against the epoch, training as dots joined by a thin line in one colour, validation as a line in
 * another. Non-finite values are gaps; a run without validation shows the training series alone.
 */
public final class CurvesChart {
    static final int WIDTH = 1100;
    static final int HEIGHT = 420;
    private static final int PANEL_WIDTH = WIDTH / 2;
    private static final int LEFT = 72;
    private static final int RIGHT = 22;
    private static final int TOP = 44;
    private static final int BOTTOM = 58;
    private static final double DOT_RADIUS = 3.5;

    private CurvesChart() {
    }

    public static BufferedImage draw(List<EpochPoint> rows) {
        List<EpochPoint> sorted = rows.stream().sorted(Comparator.comparingInt(EpochPoint::epoch)).toList();
        BufferedImage image = Plot.image(WIDTH, HEIGHT);
        Graphics2D g = Plot.canvas(image);
        for (Metric metric : Metric.values()) {
            drawPanel(g, sorted, metric);
        }
        g.dispose();
        return image;
    }

    /** Draws the chart and writes it as a PNG (atomically). */
    public static void write(Path png, List<EpochPoint> rows) throws IOException {
        Png.write(png, draw(rows));
    }

    /** The two panels, left to right. */
    enum Metric {
        LOSS("loss", "Training and validation loss", EpochPoint::loss, EpochPoint::valLoss),
        ACCURACY("accuracy", "Training and validation accuracy", EpochPoint::accuracy, EpochPoint::valAccuracy);

        final String label;
        final String title;
        final ToDoubleFunction<EpochPoint> training;
        final ToDoubleFunction<EpochPoint> validation;

        Metric(String label, String title, ToDoubleFunction<EpochPoint> training,
               ToDoubleFunction<EpochPoint> validation) {
            this.label = label;
            this.title = title;
            this.training = training;
            this.validation = validation;
        }
    }

    /** A panel's plot area and axes: where a data point lands, in image pixels. */
    record Panel(Rectangle2D area, Axis x, Axis y) {
        double px(double epoch) {
            return area.getX() + x.fraction(epoch) * area.getWidth();
        }

        double py(double value) {
            return area.getMaxY() - y.fraction(value) * area.getHeight();
        }
    }

    static Panel panel(List<EpochPoint> rows, Metric metric) {
        int first = rows.stream().mapToInt(EpochPoint::epoch).min().orElse(1);
        int last = rows.stream().mapToInt(EpochPoint::epoch).max().orElse(1);
        DoubleSummaryStatistics values = rows.stream()
                .flatMapToDouble(r -> DoubleStream.of(metric.training.applyAsDouble(r),
                        metric.validation.applyAsDouble(r)))
                .filter(Double::isFinite).summaryStatistics();
        Axis y = values.getCount() == 0 ? Axis.of(Double.NaN, Double.NaN) : Axis.of(values.getMin(), values.getMax());
        Rectangle2D area = new Rectangle2D.Double(metric.ordinal() * PANEL_WIDTH + LEFT, TOP,
                PANEL_WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
        return new Panel(area, Axis.epochs(first, last), y);
    }

    private static void drawPanel(Graphics2D g, List<EpochPoint> rows, Metric metric) {
        Panel p = panel(rows, metric);
        Rectangle2D a = p.area();
        drawAxes(g, p, metric);
        List<List<Point2D>> training = runs(rows, metric.training, p);
        List<List<Point2D>> validation = runs(rows, metric.validation, p);
        if (training.isEmpty() && validation.isEmpty()) {
            g.setFont(Plot.sans(Font.PLAIN, 14));
            g.setColor(Plot.MUTED);
            Plot.text(g, rows.isEmpty() ? "no epochs recorded" : "no " + metric.label + " recorded",
                    a.getCenterX(), a.getCenterY(), 0.5, 0.5);
            return;
        }
        drawTraining(g, training);
        drawValidation(g, validation);
        drawLegend(g, p, training, validation);
    }

    private static void drawAxes(Graphics2D g, Panel p, Metric metric) {
        Rectangle2D a = p.area();
        g.setFont(Plot.sans(Font.PLAIN, 12));
        for (double t : p.y().ticks()) {
            double y = p.py(t);
            g.setColor(Plot.GRID);
            g.draw(new Line2D.Double(a.getX(), y, a.getMaxX(), y));
            g.setColor(Plot.FRAME);
            g.draw(new Line2D.Double(a.getX() - 5, y, a.getX(), y));
            g.setColor(Plot.TEXT);
            Plot.text(g, p.y().label(t), a.getX() - 8, y, 1, 0.5);
        }
        for (double t : p.x().ticks()) {
            double x = p.px(t);
            g.setColor(Plot.GRID);
            g.draw(new Line2D.Double(x, a.getY(), x, a.getMaxY()));
            g.setColor(Plot.FRAME);
            g.draw(new Line2D.Double(x, a.getMaxY(), x, a.getMaxY() + 5));
            g.setColor(Plot.TEXT);
            Plot.text(g, p.x().label(t), x, a.getMaxY() + 8, 0.5, 0);
        }
        g.setColor(Plot.FRAME);
        g.draw(a);
        g.setColor(Plot.TEXT);
        Plot.text(g, "epoch", a.getCenterX(), a.getMaxY() + 30, 0.5, 0);
        AffineTransform saved = g.getTransform();
        double labelX = metric.ordinal() * PANEL_WIDTH + 18;
        g.rotate(-Math.PI / 2, labelX, a.getCenterY());
        Plot.text(g, metric.label, labelX, a.getCenterY(), 0.5, 0.5);
        g.setTransform(saved);
        g.setFont(Plot.sans(Font.BOLD, 15));
        Plot.text(g, metric.title, a.getCenterX(), 12, 0.5, 0);
    }

    /** The finite values as pixel points, split into runs at gaps (a run of one is a lone point). */
    private static List<List<Point2D>> runs(List<EpochPoint> rows, ToDoubleFunction<EpochPoint> value, Panel p) {
        List<List<Point2D>> runs = new ArrayList<>();
        List<Point2D> run = new ArrayList<>();
        for (EpochPoint r : rows) {
            double v = value.applyAsDouble(r);
            if (Double.isFinite(v)) {
                run.add(new Point2D.Double(p.px(r.epoch()), p.py(v)));
            } else if (!run.isEmpty()) {
                runs.add(run);
                run = new ArrayList<>();
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    private static Path2D line(List<Point2D> run) {
        Path2D path = new Path2D.Double();
        path.moveTo(run.get(0).getX(), run.get(0).getY());
        for (Point2D q : run.subList(1, run.size())) {
            path.lineTo(q.getX(), q.getY());
        }
        return path;
    }

    private static void drawTraining(Graphics2D g, List<List<Point2D>> runs) {
        g.setColor(Plot.TRAINING);
        g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (List<Point2D> run : runs) {
            g.draw(line(run));
            for (Point2D q : run) {
                dot(g, q.getX(), q.getY());
            }
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void drawValidation(Graphics2D g, List<List<Point2D>> runs) {
        g.setColor(Plot.VALIDATION);
        g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (List<Point2D> run : runs) {
            if (run.size() == 1) {
                square(g, run.get(0).getX(), run.get(0).getY());
            } else {
                g.draw(line(run));
            }
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static List<List<Point2D>> concat(List<List<Point2D>> a, List<List<Point2D>> b) {
        List<List<Point2D>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void dot(Graphics2D g, double x, double y) {
        g.fill(new Ellipse2D.Double(x - DOT_RADIUS, y - DOT_RADIUS, 2 * DOT_RADIUS, 2 * DOT_RADIUS));
    }

    /** A lone validation value (one epoch, or between gaps): a line needs two points, so it gets a square. */
    private static void square(Graphics2D g, double x, double y) {
        g.fill(new Rectangle2D.Double(x - 3.5, y - 3.5, 7, 7));
    }

    /** The legend in the plot corner that covers the fewest data points (matplotlib's "best", simplified). */
    private static void drawLegend(Graphics2D g, Panel p, List<List<Point2D>> training,
                                   List<List<Point2D>> validation) {
        Font font = Plot.sans(Font.PLAIN, 12);
        List<String> names = new ArrayList<>();
        if (!training.isEmpty()) {
            names.add("training");
        }
        if (!validation.isEmpty()) {
            names.add("validation");
        }
        double textWidth = names.stream().mapToDouble(n -> Plot.width(font, n)).max().orElse(0);
        double w = 8 + 26 + 8 + textWidth + 10;
        double h = 8 + names.size() * 18 + 4;
        Rectangle2D a = p.area();
        double inset = 8;
        double[][] corners = {
                {a.getMaxX() - inset - w, a.getY() + inset},
                {a.getMaxX() - inset - w, a.getMaxY() - inset - h},
                {a.getX() + inset, a.getY() + inset},
                {a.getX() + inset, a.getMaxY() - inset - h}};
        List<Point2D> points = new ArrayList<>();
        for (List<Point2D> run : concat(training, validation)) {
            for (int i = 0; i < run.size(); i++) {
                points.add(run.get(i));
                if (i > 0) {
                    points.add(new Point2D.Double((run.get(i - 1).getX() + run.get(i).getX()) / 2,
                            (run.get(i - 1).getY() + run.get(i).getY()) / 2));
                }
            }
        }
        Rectangle2D best = null;
        long fewest = Long.MAX_VALUE;
        for (double[] c : corners) {
            Rectangle2D box = new Rectangle2D.Double(c[0], c[1], w, h);
            Rectangle2D margin = new Rectangle2D.Double(c[0] - 6, c[1] - 6, w + 12, h + 12);
            long covered = points.stream().filter(margin::contains).count();
            if (covered < fewest) {
                fewest = covered;
                best = box;
            }
        }
        g.setColor(Color.WHITE);
        g.fill(best);
        g.setColor(new Color(0xcccccc));
        g.draw(best);
        g.setFont(font);
        double y = best.getY() + 8 + 9;
        for (String name : names) {
            double x0 = best.getX() + 8;
            if (name.equals("training")) {
                g.setColor(Plot.TRAINING);
                g.setStroke(new BasicStroke(1.2f));
                g.draw(new Line2D.Double(x0, y, x0 + 26, y));
                dot(g, x0 + 13, y);
            } else {
                g.setColor(Plot.VALIDATION);
                g.setStroke(new BasicStroke(2.2f));
                g.draw(new Line2D.Double(x0, y, x0 + 26, y));
            }
            g.setStroke(new BasicStroke(1f));
            g.setColor(Plot.TEXT);
            Plot.text(g, name, x0 + 34, y, 0, 0.5);
            y += 18;
        }
    }
}
