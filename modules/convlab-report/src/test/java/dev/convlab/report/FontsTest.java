package dev.convlab.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * Text draws headless with the logical fonts. A JDK without any font installed fails here, not in a report; on
 * Debian the fix is the package fonts-dejavu-core.
 */
class FontsTest {
    @Test
    void theLogicalFontsDrawTextHeadless() {
        assertTrue(GraphicsEnvironment.isHeadless(), "surefire runs these tests with java.awt.headless=true");
        for (String family : new String[] {Font.SANS_SERIF, Font.MONOSPACED}) {
            BufferedImage image = Plot.image(120, 40);
            Graphics2D g = Plot.canvas(image);
            g.setFont(new Font(family, Font.PLAIN, 20));
            g.setColor(Color.BLACK);
            g.drawString("Ag 0.93", 5, 28);
            g.dispose();
            assertTrue(Pixels.count(image, Color.BLACK, 60) > 30,
                    family + " drew no text: install a font (Debian: apt-get install fonts-dejavu-core)");
        }
    }
}
