package dev.convlab.data.augment;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import dev.convlab.config.BadInput;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * One image at its own size as CHW floats of raw 0..255 values: grey (1 channel) or RGB (3), as Keras reads a
 * file with PIL ('L' or 'RGB'). Read with OpenCV like the training data (alpha dropped, 16 bits scaled to 8);
 * written as an 8-bit PNG with values rounded and clipped.
 */
public record PixelImage(float[] pixels, int channels, int height, int width) {

    public PixelImage {
        if (pixels.length != channels * height * width) {
            throw new IllegalArgumentException(pixels.length + " values for a " + height + "x" + width + "x"
                    + channels + " image");
        }
    }

    /** @throws BadInput when the file is missing or cannot be decoded */
    public static PixelImage read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInput(file.toString(), Files.exists(file) ? "is not a file" : "no such image file",
                    "check the path");
        }
        Mat mat;
        try {
            mat = imread(file.toString(), IMREAD_UNCHANGED);
        } catch (RuntimeException e) {
            throw new BadInput(file.toString(), "cannot be read as an image (" + e.getMessage() + ")",
                    "give a png, jpg, bmp or gif file", e);
        }
        if (mat == null || mat.empty()) {
            throw new BadInput(file.toString(), "cannot be decoded as an image", "give a png, jpg, bmp or tiff file");
        }
        if (mat.depth() == CV_16U) {
            Mat eight = new Mat();
            mat.convertTo(eight, CV_8U, 1.0 / 257.0, 0.0);
            mat = eight;
        } else if (mat.depth() != CV_8U) {
            throw new BadInput(file.toString(), "has an unsupported pixel depth", "give an 8- or 16-bit image");
        }
        Mat converted = new Mat();
        switch (mat.channels()) {
            case 1 -> converted = mat;
            case 2 -> {
                MatVector planes = new MatVector();
                org.bytedeco.opencv.global.opencv_core.split(mat, planes);
                converted = planes.get(0); // grey and alpha: the grey
            }
            case 3 -> cvtColor(mat, converted, COLOR_BGR2RGB);
            case 4 -> cvtColor(mat, converted, COLOR_BGRA2RGB);
            default -> throw new BadInput(file.toString(), "has " + mat.channels() + " channels",
                    "give a grey or colour image");
        }
        int channels = converted.channels();
        return new PixelImage(DataVecOps.fromMat(converted.clone(), channels, converted.rows(), converted.cols()),
                channels, converted.rows(), converted.cols());
    }

    /** An 8-bit grey or RGB PNG of the values rounded to whole levels and clipped to 0..255. */
    public void writePng(Path file) throws IOException {
        BufferedImage image = new BufferedImage(width, height,
                channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        int plane = height * width;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int i = r * width + c;
                if (channels == 1) {
                    image.getRaster().setSample(c, r, 0, level(pixels[i]));
                } else {
                    image.setRGB(c, r, level(pixels[i]) << 16 | level(pixels[plane + i]) << 8
                            | level(pixels[2 * plane + i]));
                }
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        if (!ImageIO.write(image, "png", tmp.toFile())) {
            throw new IOException("no PNG writer");
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static int level(float v) {
        return (int) Math.max(0, Math.min(255, Math.rint(v)));
    }

    /** Keras's apply_transform with {@code mode} and {@code cval}. */
    public PixelImage apply(KerasTransform t, dev.convlab.config.FillMode mode, double cval) {
        return new PixelImage(KerasOps.apply(pixels, channels, height, width, t, mode, cval), channels, height, width);
    }
}
