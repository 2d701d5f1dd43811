package dev.convlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cells are coloured by count (read back from the pixels at the layout's cell positions) and stay legible. */
class ConfusionChartTest {
    /** matplotlib's Blues at 0 and 1 (its first and last colours). */
    private static final Color BLUES_0 = new Color(0xf7fbff);
    private static final Color BLUES_1 = new Color(0x08306b);

    @Test
    void theLargestCountIsTheDarkestCellAndZeroTheLightest() {
        long[][] m = SampleRun.confusion();
        BufferedImage image = ConfusionChart.draw(m, SampleRun.CLASSES);
        ConfusionChart.Layout layout = ConfusionChart.layout(m, SampleRun.CLASSES);
        int darkestRow = -1;
        int darkestColumn = -1;
        double darkest = Double.MAX_VALUE;
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                Color fill = Pixels.mode(image, layout.cell(i, j));
                if (Pixels.luminance(fill) < darkest) {
                    darkest = Pixels.luminance(fill);
                    darkestRow = i;
                    darkestColumn = j;
                }
                if (m[i][j] == 0) {
                    assertEquals(BLUES_0, fill, "zero cell " + i + "," + j);
                }
            }
        }
        assertEquals(List.of(5, 5), List.of(darkestRow, darkestColumn), "982 sandals is the largest count");
        assertEquals(BLUES_1, Pixels.mode(image, layout.cell(5, 5)));
    }

    @Test
    void moreIsDarkerAlongEveryRow() {
        long[][] m = SampleRun.confusion();
        BufferedImage image = ConfusionChart.draw(m, SampleRun.CLASSES);
        ConfusionChart.Layout layout = ConfusionChart.layout(m, SampleRun.CLASSES);
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                for (int k = 0; k < m.length; k++) {
                    if (m[i][j] > m[i][k] + 5) {
                        assertTrue(Pixels.luminance(Pixels.mode(image, layout.cell(i, j)))
                                < Pixels.luminance(Pixels.mode(image, layout.cell(i, k))),
                                "row " + i + ": " + m[i][j] + " darker than " + m[i][k]);
                    }
                }
            }
        }
    }

    @Test
    void countsAreWhiteOnDarkCellsAndDarkOnLightOnes() {
        long[][] m = SampleRun.confusion();
        BufferedImage image = ConfusionChart.draw(m, SampleRun.CLASSES);
        ConfusionChart.Layout layout = ConfusionChart.layout(m, SampleRun.CLASSES);
        Rectangle dark = layout.cell(5, 5);
        assertTrue(Pixels.count(image, Color.WHITE, 30, dark) > 15, "white digits on the darkest cell");
        assertEquals(0, Pixels.count(image, Plot.TEXT, 30, dark));
        Rectangle light = layout.cell(0, 1);
        assertTrue(Pixels.count(image, Plot.TEXT, 30, light) > 5, "dark digit on a light cell");
        assertEquals(0, Pixels.count(image, Color.WHITE, 3, light));
    }

    @Test
    void twoToTwentyClassesWithLongNamesFitTheirPicture() {
        Random random = new Random(3);
        for (int n : new int[] {2, 3, 10, 20}) {
            List<String> names = new ArrayList<>();
            long[][] m = new long[n][n];
            for (int i = 0; i < n; i++) {
                names.add(n == 20 ? "a rather long class name number " + i : "c" + i);
                for (int j = 0; j < n; j++) {
                    m[i][j] = i == j ? 500 + random.nextInt(500) : random.nextInt(60);
                }
            }
            BufferedImage image = ConfusionChart.draw(m, names);
            ConfusionChart.Layout layout = ConfusionChart.layout(m, names);
            assertEquals(n == 20, layout.rotated(), "long names turn, short ones do not (n=" + n + ")");
            assertTrue(layout.cell() >= 32, "cells of at least 32 pixels");
            assertEquals(n, new HashSet<>(layout.labels()).size(), "shortened names stay apart: " + layout.labels());
            Rectangle last = layout.cell(n - 1, n - 1);
            assertTrue(last.getMaxX() < image.getWidth() && last.getMaxY() < image.getHeight());
            assertTrue(image.getWidth() <= 1200 && image.getHeight() <= 1200,
                    n + " classes: " + image.getWidth() + "x" + image.getHeight());
            // nothing drawn runs off an edge: a 3-pixel border stays white
            Rectangle[] borders = {new Rectangle(0, 0, 3, image.getHeight()),
                new Rectangle(image.getWidth() - 3, 0, 3, image.getHeight()),
                new Rectangle(0, image.getHeight() - 3, image.getWidth(), 3)};
            for (Rectangle border : borders) {
                assertEquals(border.width * border.height, Pixels.count(image, Color.WHITE, 0, border),
                        n + " classes, border " + border);
            }
        }
    }

    @Test
    void anAllZeroMatrixIsAllLight() {
        long[][] m = new long[3][3];
        List<String> names = List.of("a", "b", "c");
        BufferedImage image = ConfusionChart.draw(m, names);
        assertEquals(BLUES_0, Pixels.mode(image, ConfusionChart.layout(m, names).cell(1, 1)));
    }

    @Test
    void aMatrixThatDoesNotFitItsNamesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ConfusionChart.draw(new long[2][3], List.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> ConfusionChart.draw(new long[3][3], List.of("a", "b")));
        assertThrows(IllegalArgumentException.class,
                () -> ConfusionChart.draw(new long[][] {{1, -1}, {0, 1}}, List.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> ConfusionChart.draw(new long[0][0], List.of()));
    }
}
