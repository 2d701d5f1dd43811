package dev.convlab.data.augment;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC;

import dev.convlab.config.AugmentationConfig;
import java.util.Random;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.datavec.image.data.ImageWritable;
import org.datavec.image.transform.BaseImageTransform;

/**
 * convlab's augmentation as a DataVec ImageTransform, to compose with DataVec's own transforms or to hand to an
 * ImageRecordReader. Draws come from the Random DataVec passes, or else from this transform's own, seeded at
 * construction (never from a global generator). Note DataVec's order: an ImageRecordReader applies its transform
 * to the decoded image before resizing it, so pixel shifts are then in source pixels; convlab's own iterators
 * instead augment after decoding and resizing, so that every parameter is in the network's pixels.
 *
 * <p>Like every DataVec transform it keeps the last image ({@link #getCurrentImage()}), so use one instance per
 * thread. The output has the input's depth (8-bit images are rounded and clipped).
 */
public final class KerasImageTransform extends BaseImageTransform<Mat> {
    private final Augmenter augmenter;

    public KerasImageTransform(AugmentationConfig cfg, long seed) {
        super(new Random(seed));
        this.augmenter = new Augmenter(cfg);
        this.converter = new OpenCVFrameConverter.ToMat();
    }

    @Override
    protected ImageWritable doTransform(ImageWritable image, Random random) {
        if (image == null) {
            return null;
        }
        Mat mat = converter.convert(image.getFrame());
        int channels = mat.channels();
        float[] x = DataVecOps.fromMat(mat, channels, mat.rows(), mat.cols());
        float[] y = augmenter.augment(x, channels, mat.rows(), mat.cols(), random != null ? random : this.random);
        Mat floats = new Mat(mat.rows(), mat.cols(), CV_32FC(channels));
        try (FloatIndexer indexer = floats.createIndexer()) {
            int plane = mat.rows() * mat.cols();
            for (int r = 0; r < mat.rows(); r++) {
                for (int c = 0; c < mat.cols(); c++) {
                    for (int ch = 0; ch < channels; ch++) {
                        indexer.put(r, c, ch, y[ch * plane + r * mat.cols() + c]);
                    }
                }
            }
        }
        Mat out = new Mat();
        floats.convertTo(out, mat.depth());
        return new ImageWritable(converter.convert(out));
    }
}
