package dev.convlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import org.junit.jupiter.api.Test;

/** Shortening text to a width: at the end for captions, in the middle for class names. */
class PlotTest {
    private static final Font FONT = Plot.sans(Font.PLAIN, 12);

    @Test
    void textThatFitsIsKept() {
        assertEquals("Coat", Plot.fit(FONT, "Coat", 100));
        assertEquals("Coat", Plot.fitMiddle(FONT, "Coat", 100));
    }

    @Test
    void longTextIsCutToTheWidthWithAnEllipsis() {
        String name = "a rather long class name number 19";
        String end = Plot.fit(FONT, name, 120);
        String middle = Plot.fitMiddle(FONT, name, 120);
        for (String cut : new String[] {end, middle}) {
            assertTrue(Plot.width(FONT, cut) <= 120, cut);
            assertTrue(cut.contains("…") && cut.length() < name.length(), cut);
        }
        assertTrue(end.startsWith("a rather") && end.endsWith("…"), end);
        assertTrue(middle.startsWith("a rather") && middle.endsWith("er 19"), middle);
        assertEquals("…", Plot.fitMiddle(FONT, name, 1));
    }
}
