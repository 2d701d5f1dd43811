package dev.convlab.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Test images drawn in code. */
final class Digits {
    private Digits() {
    }

    /** A white 7 on black, 28x28 grey, as MNIST draws digits. */
    static BufferedImage seven() {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 28, 28);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(3));
        g.drawLine(7, 7, 21, 7);
        g.drawLine(21, 7, 12, 23);
        g.dispose();
        return image;
    }
}
