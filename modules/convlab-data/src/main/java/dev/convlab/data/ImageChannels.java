package dev.convlab.data;

import dev.convlab.config.ImageShape;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.datavec.image.data.ImageWritable;
import org.datavec.image.loader.NativeImageLoader;
import org.datavec.image.transform.BaseImageTransform;

import java.util.Random;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * Brings every decoded image to 8-bit grey or 8-bit RGB before DataVec resizes it. OpenCV decodes colour as BGR,
 * and DataVec's own conversion keeps BGR for 3-channel files but yields RGB for 4-channel ones (it applies
 * RGBA2BGR to BGRA data); Keras, whose configs and weights convlab follows, feeds RGB. 16-bit files are scaled to
 * 8 bits so that rescale (1/255) means the same for every file.
 *
 * <p>Use {@link #loader(ImageShape)} wherever an image is read for a model (prediction, visualisation), so that it
 * sees pixels exactly as training did.
 */
public final class ImageChannels extends BaseImageTransform<Mat> {
    private final int channels;

    public ImageChannels(int channels) {
        super(null);
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        this.channels = channels;
        this.converter = new OpenCVFrameConverter.ToMat();
    }

    /** A loader that decodes, converts as described above, and resizes to {@code shape}: NCHW, values 0..255. */
    public static NativeImageLoader loader(ImageShape shape) {
        return new NativeImageLoader(shape.height(), shape.width(), shape.channels(), new ImageChannels(shape.channels()));
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
        }
        int code = conversion(mat.channels());
        if (code >= 0) {
            Mat converted = new Mat();
            cvtColor(mat, converted, code);
            mat = converted;
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
