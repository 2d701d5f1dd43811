package dev.convlab.data;

import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;

/**
 * Image files for tests, good and bad, written with javax.imageio (independent of the OpenCV that reads them),
 * except the floating-point TIFF, which only OpenCV here can write.
 */
final class TestImages {
    private TestImages() {
    }

    /** A solid 8-bit image: grey (TYPE_BYTE_GRAY takes the red value), RGB or RGBA (alpha from the colour). */
    static Path solid(Path file, int width, int height, int type, Color colour) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (type == BufferedImage.TYPE_BYTE_GRAY) {
                    image.getRaster().setSample(x, y, 0, colour.getRed());
                } else {
                    image.setRGB(x, y, colour.getRGB());
                }
            }
        }
        String format = file.getFileName().toString().endsWith(".jpg") ? "jpg" : "png";
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no " + format + " writer for type " + type);
        }
        return file;
    }

    /** A 16-bit grey PNG filled with {@code value} (0..65535). */
    static Path grey16(Path file, int width, int height, int value) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, value);
            }
        }
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** A JPEG with a gradient (so its entropy-coded data is not trivial), cut to {@code fraction} of its bytes. */
    static Path truncatedJpeg(Path file, double fraction) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                image.setRGB(x, y, new Color(x * 5, y * 5, (x * y) % 256).getRGB());
            }
        }
        ImageIO.write(image, "jpg", file.toFile());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
        return file;
    }

    /** A 32-bit floating-point grey TIFF: a real image file, of a depth convlab does not read. */
    static Path floatTiff(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (Mat mat = new Mat(4, 4, CV_32FC1, new Scalar(0.5))) {
            if (!opencv_imgcodecs.imwrite(file.toString(), mat)) {
                throw new IOException("OpenCV could not write " + file);
            }
        }
        return file;
    }
}
