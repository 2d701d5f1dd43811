package dev.convlab.report;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

/** Looking for colours in pictures, the way the tests tell what was drawn where. */
final class Pixels {
    private Pixels() {
    }

    static boolean is(int rgb, Color c, int tolerance) {
        return Math.abs(((rgb >> 16) & 0xff) - c.getRed()) <= tolerance
                && Math.abs(((rgb >> 8) & 0xff) - c.getGreen()) <= tolerance
                && Math.abs((rgb & 0xff) - c.getBlue()) <= tolerance;
    }

    static long count(BufferedImage image, Color c, int tolerance) {
        return count(image, c, tolerance, new Rectangle(0, 0, image.getWidth(), image.getHeight()));
    }

    static long count(BufferedImage image, Color c, int tolerance, Rectangle region) {
        Rectangle r = region.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        long n = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                if (is(image.getRGB(x, y), c, tolerance)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Whether c (within 2 per channel) is within radius pixels of (x, y). */
    static boolean near(BufferedImage image, double x, double y, int radius, Color c) {
        int cx = (int) Math.floor(x);
        int cy = (int) Math.floor(y);
        return count(image, c, 2, new Rectangle(cx - radius, cy - radius, 2 * radius + 1, 2 * radius + 1)) > 0;
    }

    /** The most frequent colour in a region: a cell's fill, whatever text is written on it. */
    static Color mode(BufferedImage image, Rectangle region) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = region.y; y < region.y + region.height; y++) {
            for (int x = region.x; x < region.x + region.width; x++) {
                counts.merge(image.getRGB(x, y) & 0xffffff, 1, Integer::sum);
            }
        }
        return new Color(counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
    }

    static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    static long distinctColours(BufferedImage image) {
        return java.util.stream.IntStream.range(0, image.getHeight())
                .flatMap(y -> java.util.stream.IntStream.range(0, image.getWidth()).map(x -> image.getRGB(x, y)))
                .distinct().count();
    }
}
