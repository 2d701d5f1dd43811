package dev.convlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.report.CurvesChart.Metric;
import dev.convlab.report.CurvesChart.Panel;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The curves are where their values say, in their own colours; odd histories still draw. */
class CurvesChartTest {
    private static final double NAN = Double.NaN;

    @Test
    void eachSeriesIsDrawnAtItsValuesInItsColourInItsPanel() {
        List<EpochPoint> rows = SampleRun.history(12);
        BufferedImage image = CurvesChart.draw(rows);
        assertEquals(CurvesChart.WIDTH, image.getWidth());
        assertEquals(CurvesChart.HEIGHT, image.getHeight());
        Panel loss = CurvesChart.panel(rows, Metric.LOSS);
        Panel accuracy = CurvesChart.panel(rows, Metric.ACCURACY);
        for (EpochPoint r : rows) {
            assertTrue(Pixels.near(image, loss.px(r.epoch()), loss.py(r.valLoss()), 2, Plot.VALIDATION),
                    "validation loss of epoch " + r.epoch());
            assertTrue(Pixels.near(image, accuracy.px(r.epoch()), accuracy.py(r.valAccuracy()), 2, Plot.VALIDATION),
                    "validation accuracy of epoch " + r.epoch());
            assertTrue(Pixels.near(image, loss.px(r.epoch()), loss.py(r.loss()), 3, Plot.TRAINING),
                    "training loss of epoch " + r.epoch());
            assertTrue(Pixels.near(image, accuracy.px(r.epoch()), accuracy.py(r.accuracy()), 3, Plot.TRAINING),
                    "training accuracy of epoch " + r.epoch());
        }
        Rectangle right = accuracy.area().getBounds();
        assertTrue(right.x > CurvesChart.WIDTH / 2, "the accuracy panel is the right one");
        // a 2-pixel line across 11 epochs, far more than the legend's sample
        assertTrue(Pixels.count(image, Plot.VALIDATION, 2, right) > 400,
                "validation pixels in the right panel: " + Pixels.count(image, Plot.VALIDATION, 2, right));
        assertTrue(Pixels.count(image, Plot.TRAINING, 2, right) > 300);
    }

    @Test
    void thePanelsMapEpochsAndValuesOntoTheirPlotAreas() {
        List<EpochPoint> rows = SampleRun.history(12);
        Panel p = CurvesChart.panel(rows, Metric.ACCURACY);
        var a = p.area();
        // epochs 0.5..12.5 span the width, so epoch 1 is 1/24 of it in
        assertEquals(a.getX() + a.getWidth() / 24, p.px(1), 1e-9);
        assertEquals(a.getMaxX() - a.getWidth() / 24, p.px(12), 1e-9);
        assertEquals(a.getMaxY(), p.py(p.y().min()), 1e-9);
        assertEquals(a.getY(), p.py(p.y().max()), 1e-9);
        assertTrue(p.py(0.9) < p.py(0.8), "larger values are higher up");
    }

    @Test
    void withoutValidationThereIsNoValidationColourAtAll() {
        List<EpochPoint> rows = SampleRun.history(12).stream()
                .map(r -> new EpochPoint(r.epoch(), r.loss(), r.accuracy(), NAN, NAN)).toList();
        BufferedImage image = CurvesChart.draw(rows);
        assertEquals(0, Pixels.count(image, Plot.VALIDATION, 40), "validation colour (legend or line)");
        assertTrue(Pixels.count(image, Plot.TRAINING, 2) > 500);
    }

    @Test
    void oneEpochIsADotAndASquareInTheMiddle() {
        List<EpochPoint> rows = List.of(new EpochPoint(1, 0.6, 0.8, 0.5, 0.85));
        BufferedImage image = CurvesChart.draw(rows);
        Panel p = CurvesChart.panel(rows, Metric.LOSS);
        assertEquals(p.area().getCenterX(), p.px(1), 1e-9);
        assertTrue(Pixels.near(image, p.px(1), p.py(0.6), 1, Plot.TRAINING));
        assertTrue(Pixels.near(image, p.px(1), p.py(0.5), 1, Plot.VALIDATION));
    }

    @Test
    void constantValuesGetARangeAroundThem() {
        List<EpochPoint> rows = new ArrayList<>();
        for (int e = 1; e <= 5; e++) {
            rows.add(new EpochPoint(e, 0, 1, 0, 1));
        }
        BufferedImage image = CurvesChart.draw(rows);
        Panel loss = CurvesChart.panel(rows, Metric.LOSS);
        double y = loss.py(0);
        assertTrue(Double.isFinite(y) && y > loss.area().getY() && y < loss.area().getMaxY(), "y " + y);
        assertTrue(Pixels.near(image, loss.px(3), y, 2, Plot.VALIDATION));
    }

    @Test
    void gapsAndLoneValuesAreDrawnAndMissingPanelsSaySo() {
        List<EpochPoint> rows = List.of(
                new EpochPoint(1, 0.9, NAN, NAN, NAN),
                new EpochPoint(2, NAN, NAN, 0.7, NAN),
                new EpochPoint(3, 0.5, NAN, NAN, NAN),
                new EpochPoint(4, Double.POSITIVE_INFINITY, NAN, NAN, NAN));
        BufferedImage image = CurvesChart.draw(rows);
        Panel loss = CurvesChart.panel(rows, Metric.LOSS);
        assertTrue(loss.y().max() < 10, "infinity is absent, not the top of the axis: " + loss.y());
        assertTrue(Pixels.near(image, loss.px(2), loss.py(0.7), 1, Plot.VALIDATION), "a lone validation value");
        Rectangle right = CurvesChart.panel(rows, Metric.ACCURACY).area().getBounds();
        assertEquals(0, Pixels.count(image, Plot.TRAINING, 2, right) + Pixels.count(image, Plot.VALIDATION, 2, right));
        for (List<EpochPoint> odd : List.of(List.<EpochPoint>of(), List.of(new EpochPoint(3, NAN, NAN, NAN, NAN)))) {
            BufferedImage empty = CurvesChart.draw(odd);
            assertEquals(CurvesChart.WIDTH, empty.getWidth());
            assertEquals(0, Pixels.count(empty, Plot.TRAINING, 2) + Pixels.count(empty, Plot.VALIDATION, 2));
        }
    }

    @Test
    void theOrderOfRowsDoesNotMatter() {
        List<EpochPoint> rows = SampleRun.history(6);
        List<EpochPoint> shuffled = Stream.of(3, 0, 5, 1, 4, 2).map(rows::get).toList();
        BufferedImage a = CurvesChart.draw(rows);
        BufferedImage b = CurvesChart.draw(shuffled);
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                assertEquals(a.getRGB(x, y), b.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void writesAPngAndNothingElse(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("curves.png");
        CurvesChart.write(png, SampleRun.history(3));
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(CurvesChart.WIDTH, read.getWidth());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList(), "no temporary file left behind");
        }
    }
}
