package dev.convlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grid geometry, nearest-neighbour scaling, CHW pixel order, value ranges and the red prediction. */
class ExampleGridTest {
    private static final int PAD = 8;

    @Test
    void theGridIsColumnsByRowsOfCells() {
        List<Example> examples = SampleRun.misclassified(12);
        Dimension cell = ExampleGrid.cellSize(examples);
        BufferedImage image = ExampleGrid.draw(examples, 5);
        assertEquals(5 * cell.width, image.getWidth());
        assertEquals(3 * cell.height, image.getHeight(), "12 examples in 5 columns make 3 rows");
        BufferedImage fewer = ExampleGrid.draw(examples.subList(0, 2), 5);
        assertEquals(2 * cell.width, fewer.getWidth(), "no empty columns when there are fewer examples");
        assertEquals(cell.height, fewer.getHeight());
    }

    @Test
    void a28By28ImageIsScaledThreeTimesTo84Pixels() {
        List<Example> examples = SampleRun.misclassified(1);
        assertEquals(3, ExampleGrid.scale(examples));
        assertTrue(ExampleGrid.cellSize(examples).width >= 84 && ExampleGrid.cellSize(examples).height > 84);
        assertEquals(2, ExampleGrid.scale(List.of(grey(new float[64 * 64], 64, 64))));
        assertEquals(1, ExampleGrid.scale(List.of(grey(new float[150 * 150], 150, 150))));
    }

    @Test
    void eachPixelBecomesAThreeByThreeBlockWithoutSmoothing() {
        float[] pixels = new float[28 * 28];
        pixels[2 * 28 + 5] = 1f; // row 2, column 5
        Example e = grey(pixels, 28, 28);
        List<Example> one = List.of(e);
        BufferedImage image = ExampleGrid.draw(one, 4);
        int x0 = ExampleGrid.imageX(e, ExampleGrid.cellSize(one), 3);
        for (int dy = -1; dy <= 3; dy++) {
            for (int dx = -1; dx <= 3; dx++) {
                int rgb = image.getRGB(x0 + 5 * 3 + dx, PAD + 2 * 3 + dy) & 0xffffff;
                boolean inside = dx >= 0 && dx < 3 && dy >= 0 && dy < 3;
                assertEquals(inside ? 0xffffff : 0x000000, rgb, "offset " + dx + "," + dy);
            }
        }
    }

    @Test
    void threeChannelsAreReadChannelsFirst() {
        // CHW 3x2x2: the red plane lights pixel (0,0), green (0,1), blue (1,0); (1,1) stays black
        float[] chw = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0};
        BufferedImage image = ExamplePixels.toImage(new Example(chw, 2, 2, 3, "a", "b", 0.5));
        assertEquals(0xff0000, image.getRGB(0, 0) & 0xffffff);
        assertEquals(0x00ff00, image.getRGB(1, 0) & 0xffffff);
        assertEquals(0x0000ff, image.getRGB(0, 1) & 0xffffff);
        assertEquals(0x000000, image.getRGB(1, 1) & 0xffffff);
    }

    @Test
    void valuesOutside0To1AreStretchedPerImageAndValuesInsideKept() {
        assertEquals(List.of(0, 128, 255), levels(new float[] {0f, 0.5f, 1f}));
        assertEquals(List.of(0, 128, 255), levels(new float[] {0f, 127.5f, 255f}));
        assertEquals(List.of(0, 128, 255), levels(new float[] {-1f, 0f, 1f}));
        assertEquals(List.of(0, 0, 255), levels(new float[] {Float.NaN, -3f, 5f}), "NaN is black");
        assertEquals(List.of(255, 255, 255), levels(new float[] {255f, 255f, 255f}), "a constant is clamped");
    }

    @Test
    void theWrongPredictionIsCaptionedInRed() {
        Example wrong = grey(new float[28 * 28], 28, 28);
        Example right = new Example(new float[28 * 28], 28, 28, 1, "Coat", "Coat", 0.9);
        Dimension cell = ExampleGrid.cellSize(List.of(wrong));
        Rectangle caption = new Rectangle(0, PAD + 84, cell.width, cell.height - PAD - 84);
        assertTrue(Pixels.count(ExampleGrid.draw(List.of(wrong), 1), Plot.WRONG, 40, caption) > 20);
        assertEquals(0, Pixels.count(ExampleGrid.draw(List.of(right), 1), Plot.WRONG, 60, caption));
        assertTrue(Pixels.count(ExampleGrid.draw(List.of(right), 1), Plot.TEXT, 40, caption) > 40);
    }

    @Test
    void noExamplesIsASmallPictureSayingSo() {
        BufferedImage image = ExampleGrid.draw(Collections.emptyList(), 6);
        assertTrue(image.getWidth() < 400 && image.getHeight() < 100, image.getWidth() + "x" + image.getHeight());
        assertTrue(Pixels.count(image, Color.WHITE, 0) < image.getWidth() * image.getHeight(), "some text");
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Example(new float[10], 3, 3, 1, "a", "b", 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Example(new float[0], 0, 3, 1, "a", "b", 0.5));
        assertThrows(IllegalArgumentException.class, () -> ExampleGrid.draw(SampleRun.misclassified(1), 0));
    }

    private static Example grey(float[] pixels, int height, int width) {
        return new Example(pixels, height, width, 1, "Shirt", "T-shirt/top", 0.93);
    }

    private static List<Integer> levels(float[] values) {
        BufferedImage image = ExamplePixels.toImage(new Example(values, 1, values.length, 1, "a", "b", 0.5));
        return java.util.stream.IntStream.range(0, values.length).mapToObj(x -> image.getRGB(x, 0) & 0xff).toList();
    }
}
