package dev.convlab.data.augment;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2HLS;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2Lab;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2Luv;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2YCrCb;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_YCrCb2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.convlab.config.augment.ColorConversion;
import dev.convlab.config.augment.Crop;
import dev.convlab.config.augment.DataVecTransform;
import dev.convlab.config.augment.EqualizeHistogram;
import dev.convlab.config.augment.Resize;
import java.util.Random;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.datavec.image.data.ImageWritable;
import org.datavec.image.transform.ColorConversionTransform;
import org.datavec.image.transform.CropImageTransform;
import org.datavec.image.transform.EqualizeHistTransform;
import org.datavec.image.transform.ImageTransform;
import org.datavec.image.transform.ResizeImageTransform;

/**
 * DataVec's own transforms on a CHW float image (RGB or grey, raw 0..255): the image goes to an 8-bit OpenCV Mat,
 * through the DataVec transform (a new instance each call: DataVec's transforms keep per-call state and are not
 * thread-safe), and back, resized to the original size when the transform changed it (bilinear).
 */
final class DataVecOps {
    private DataVecOps() {
    }

    static float[] apply(float[] image, int channels, int height, int width, DataVecTransform op, Random random) {
        Mat mat = toMat(image, channels, height, width);
        Mat out;
        if (op instanceof Crop c) {
            out = run(new CropImageTransform(random, c.top(), c.left(), c.bottom(), c.right()), mat, random);
        } else if (op instanceof Resize r) {
            out = run(new ResizeImageTransform(random, r.width(), r.height()), mat, random);
        } else if (op instanceof ColorConversion c) {
            if (channels != 3) {
                throw new IllegalArgumentException("color_conversion needs colour images, these have 1 channel");
            }
            out = run(new ColorConversionTransform(random, code(c)), mat, random);
        } else if (op instanceof EqualizeHistogram) {
            // DataVec equalises channel 0 of what it is given: for colour, hand it YCrCb and convert back
            if (channels == 3) {
                Mat ycrcb = new Mat();
                cvtColor(mat, ycrcb, COLOR_RGB2YCrCb);
                Mat equalised = run(new EqualizeHistTransform(random, COLOR_RGB2YCrCb), ycrcb, random);
                out = new Mat();
                cvtColor(equalised, out, COLOR_YCrCb2RGB);
            } else {
                out = run(new EqualizeHistTransform(random, 0), mat, random);
            }
        } else {
            throw new IllegalArgumentException("unknown DataVec transform " + op);
        }
        if (out.rows() != height || out.cols() != width) {
            Mat resized = new Mat();
            resize(out, resized, new Size(width, height), 0, 0, INTER_LINEAR);
            out = resized;
        }
        return fromMat(out, channels, height, width);
    }

    private static int code(ColorConversion c) {
        return switch (c.to()) {
            case HSV -> COLOR_RGB2HSV;
            case HLS -> COLOR_RGB2HLS;
            case YCRCB -> COLOR_RGB2YCrCb;
            case LAB -> COLOR_RGB2Lab;
            case LUV -> COLOR_RGB2Luv;
            case BGR -> COLOR_RGB2BGR;
        };
    }

    private static Mat run(ImageTransform transform, Mat mat, Random random) {
        OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
        ImageWritable out = transform.transform(new ImageWritable(converter.convert(mat)), random);
        return converter.convert(out.getFrame()).clone();
    }

    /** CHW floats to an 8-bit HWC Mat, rounded and clipped as OpenCV's saturate_cast does. */
    static Mat toMat(float[] image, int channels, int height, int width) {
        Mat mat = new Mat(height, width, CV_8UC(channels));
        try (UByteIndexer indexer = mat.createIndexer()) {
            int plane = height * width;
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    for (int ch = 0; ch < channels; ch++) {
                        float v = image[ch * plane + r * width + c];
                        indexer.put(r, c, ch, (int) Math.max(0, Math.min(255, Math.rint(v))));
                    }
                }
            }
        }
        return mat;
    }

    /** A Mat of any depth to CHW floats. */
    static float[] fromMat(Mat mat, int channels, int height, int width) {
        if (mat.channels() != channels) {
            throw new IllegalStateException("a transform changed " + channels + " channels into " + mat.channels());
        }
        Mat floats = new Mat();
        mat.convertTo(floats, CV_32F);
        float[] out = new float[channels * height * width];
        int plane = height * width;
        try (FloatIndexer indexer = floats.createIndexer()) {
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    for (int ch = 0; ch < channels; ch++) {
                        out[ch * plane + r * width + c] = indexer.get(r, c, ch);
                    }
                }
            }
        }
        return out;
    }
}
