package dev.convlab.bench.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * Writes a two-class image folder in Keras's layout (cats/, dogs/), half JPEG and half PNG. The pictures are
 * synthetic but photo-like for the decoders: a colour gradient, a few filled shapes (ellipses for one class,
 * rectangles for the other) and pixel noise, so JPEG and PNG files are about as costly to decode as photographs of
 * the same size rather than flat images that decompress for free. Seeded: the same arguments give the same files.
 */
public final class SyntheticImages {
    static final String[] CLASSES = {"cats", "dogs"};
    private static final int NOISE = 24;

    private SyntheticImages() {
    }

    public static void write(Path folder, int count, int height, int width, long seed) {
        try {
            for (String c : CLASSES) {
                Files.createDirectories(folder.resolve(c));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        IntStream.range(0, count).parallel().forEach(i -> writeOne(folder, i, height, width, seed));
    }

    private static void writeOne(Path folder, int i, int height, int width, long seed) {
        int label = i % 2;
        Random random = new Random(seed * 1_000_003L + i);
        BufferedImage image = picture(label, height, width, random);
        String format = (i / 2) % 2 == 0 ? "jpg" : "png";
        Path file = folder.resolve(CLASSES[label]).resolve(String.format("%05d.%s", i, format));
        try {
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static BufferedImage picture(int label, int height, int width, Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new java.awt.GradientPaint(0, 0, colour(random), width, height, colour(random)));
        g.fillRect(0, 0, width, height);
        for (int s = 0; s < 3 + random.nextInt(4); s++) {
            g.setColor(colour(random));
            int w = width / 6 + random.nextInt(width / 2);
            int h = height / 6 + random.nextInt(height / 2);
            int x = random.nextInt(width - w / 2);
            int y = random.nextInt(height - h / 2);
            if (label == 0) {
                g.fillOval(x, y, w, h);
            } else {
                g.fillRect(x, y, w, h);
            }
        }
        g.dispose();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < pixels.length; p++) {
            int rgb = pixels[p];
            pixels[p] = (noisy(rgb >> 16, random) << 16) | (noisy(rgb >> 8, random) << 8) | noisy(rgb, random);
        }
        return image;
    }

    private static Color colour(Random random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    private static int noisy(int channel, Random random) {
        int v = (channel & 0xff) + random.nextInt(2 * NOISE + 1) - NOISE;
        return Math.max(0, Math.min(255, v));
    }
}
