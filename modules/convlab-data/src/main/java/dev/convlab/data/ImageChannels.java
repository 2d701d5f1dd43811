package dev.convlab.data;

import dev.convlab.config.ImageShape;
import dev.convlab.config.Interpolation;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.datavec.image.data.ImageWritable;
import org.datavec.image.loader.NativeImageLoader;
import org.datavec.image.transform.BaseImageTransform;

import java.util.Random;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LANCZOS4;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.remap;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Brings every decoded image to 8-bit grey or 8-bit RGB and, when given a shape, resizes it with the configured
 * interpolation. OpenCV decodes colour as BGR, and DataVec's own conversion keeps BGR for 3-channel files but
 * yields RGB for 4-channel ones (it applies RGBA2BGR to BGRA data); Keras, whose configs and weights convlab
 * follows, feeds RGB. 16-bit files are scaled to 8 bits so that rescale (1/255) means the same for every file.
 *
 * <p>Resizing here, and not in DataVec's loader (which always uses bilinear), puts it where Keras has it: the image
 * is loaded at the target size first, and any transform after this one works in target pixels.
 *
 * <p>Use {@link #loader(ImageShape, Interpolation)} wherever an image is read for a model (prediction,
 * visualisation), so that it sees pixels exactly as training did.
 */
public final class ImageChannels extends BaseImageTransform<Mat> {
    private final int channels;
    private final ImageShape shape;
    private final Interpolation interpolation;

    /** Converts channels and depth only; DataVec's loader resizes (bilinear). */
    public ImageChannels(int channels) {
        this(channels, null, null);
    }

    /** Converts channels and depth, then resizes to {@code shape} with {@code interpolation}. */
    public ImageChannels(ImageShape shape, Interpolation interpolation) {
        this(shape.channels(), shape, interpolation);
    }

    private ImageChannels(int channels, ImageShape shape, Interpolation interpolation) {
        super(null);
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        this.channels = channels;
        this.shape = shape;
        this.interpolation = interpolation;
        this.converter = new OpenCVFrameConverter.ToMat();
    }

    /**
     * A loader that decodes, converts as described above, and resizes to {@code shape} with the config's default
     * interpolation (nearest): NCHW, values 0..255.
     */
    public static NativeImageLoader loader(ImageShape shape) {
        return loader(shape, Interpolation.NEAREST);
    }

    /** A loader that decodes, converts and resizes to {@code shape} with {@code interpolation}: NCHW, 0..255. */
    public static NativeImageLoader loader(ImageShape shape, Interpolation interpolation) {
        return new NativeImageLoader(shape.height(), shape.width(), shape.channels(),
                new ImageChannels(shape, interpolation));
    }

    /** {@code mat} resized to height x width with {@code interpolation}. */
    static Mat resized(Mat mat, int height, int width, Interpolation interpolation) {
        Mat out = new Mat();
        if (interpolation == Interpolation.NEAREST) {
            nearest(mat, out, height, width);
        } else {
            resize(mat, out, new Size(width, height), 0, 0, switch (interpolation) {
                case BILINEAR -> INTER_LINEAR;
                case BICUBIC -> INTER_CUBIC;
                case AREA -> INTER_AREA;
                case LANCZOS -> INTER_LANCZOS4;
                case NEAREST -> throw new AssertionError();
            });
        }
        return out;
    }

    /**
     * Nearest as PIL (Keras's loader) does it: output pixel x takes source pixel floor((x + 0.5) * scale), the one
     * under its centre. OpenCV's INTER_NEAREST takes floor(x * scale), half a pixel off, and its NEAREST_EXACT
     * rounds the other way at exact ties (every 2x reduction), so the source indices are computed here and
     * gathered with remap, whose integer-valued maps leave nothing to round.
     */
    private static void nearest(Mat src, Mat dst, int height, int width) {
        try (Mat mapX = new Mat(height, width, CV_32FC1); Mat mapY = new Mat(height, width, CV_32FC1);
             FloatIndexer xs = mapX.createIndexer(); FloatIndexer ys = mapY.createIndexer()) {
            double scaleX = (double) src.cols() / width;
            double scaleY = (double) src.rows() / height;
            for (int y = 0; y < height; y++) {
                float sy = (float) Math.min(src.rows() - 1, Math.floor((y + 0.5) * scaleY));
                for (int x = 0; x < width; x++) {
                    xs.put(y, x, (float) Math.min(src.cols() - 1, Math.floor((x + 0.5) * scaleX)));
                    ys.put(y, x, sy);
                }
            }
            remap(src, dst, mapX, mapY, INTER_NEAREST);
        }
    }

    @Override
    protected ImageWritable doTransform(ImageWritable image, Random random) {
        if (image == null) {
            return null;
        }
        Mat mat = converter.convert(image.getFrame());
        if (mat.depth() == CV_16U) {
            Mat eightBit = new Mat();
            mat.convertTo(eightBit, CV_8U, 1.0 / 257.0, 0.0);
            mat = eightBit;
        } else if (mat.depth() != CV_8U) {
            throw new IllegalArgumentException("images with " + ImageFileCheck.depthName(mat.depth())
                    + " pixels are not supported (8- and 16-bit are)");
        }
        int code = conversion(mat.channels());
        if (code >= 0) {
            Mat converted = new Mat();
            cvtColor(mat, converted, code);
            mat = converted;
        }
        if (shape != null && (mat.rows() != shape.height() || mat.cols() != shape.width())) {
            mat = resized(mat, shape.height(), shape.width(), interpolation);
        }
        return new ImageWritable(converter.convert(mat));
    }

    private int conversion(int from) {
        return switch (from) {
            case 1 -> channels == 1 ? -1 : COLOR_GRAY2RGB;
            case 3 -> channels == 1 ? COLOR_BGR2GRAY : COLOR_BGR2RGB;
            case 4 -> channels == 1 ? COLOR_BGRA2GRAY : COLOR_BGRA2RGB;
            default -> throw new IllegalArgumentException("images with " + from + " channels are not supported");
        };
    }

    @Override
    public float[] query(float... coordinates) {
        return coordinates;
    }
}
