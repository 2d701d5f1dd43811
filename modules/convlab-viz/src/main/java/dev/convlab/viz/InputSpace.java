package dev.convlab.viz;

import dev.convlab.config.ImageShape;
import dev.convlab.data.augment.Standardizer;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The network's input as training fed it: image shape, the preprocessing applied to raw 0..255 pixels (a convlab
 * model's rescale and data.augmentation's normalisation, or a Keras model's preprocess_input), the data type, and
 * the axis order. Images here are always CHW arrays of one example; {@link #batch} and {@link #chw} convert to and
 * from the network's own layout, NCHW, or NHWC for a Keras channels_last model.
 */
public final class InputSpace {
    /** Keras's start for filter visualisation: grey 128 plus uniform noise of 0..20 grey levels. */
    static final double START_GREY = 128;
    static final double START_NOISE = 20;
    private final ImageShape shape;
    private final Preprocessing preprocessing;
    private final DataType dataType;
    private final boolean channelsLast;
    private final double unit;
    private final double[] grey;

    /** A convlab model's input: NCHW, standardised as in training. */
    public InputSpace(ImageShape shape, Standardizer standardizer, DataType dataType) {
        this(shape, Preprocessing.of(standardizer), dataType, false);
    }

    /** @param channelsLast whether the network takes NHWC arrays */
    public InputSpace(ImageShape shape, Preprocessing preprocessing, DataType dataType, boolean channelsLast) {
        this.shape = shape;
        this.preprocessing = preprocessing;
        this.dataType = dataType;
        this.channelsLast = channelsLast;
        this.unit = measureUnit();
        double[] raw = new double[size()];
        java.util.Arrays.fill(raw, START_GREY);
        this.grey = standardize(raw);
    }

    public ImageShape shape() {
        return shape;
    }

    public DataType dataType() {
        return dataType;
    }

    /** Whether the network takes NHWC arrays (a Keras channels_last model) rather than NCHW. */
    public boolean channelsLast() {
        return channelsLast;
    }

    public int size() {
        return shape.channels() * shape.height() * shape.width();
    }

    /**
     * How far one grey level (of 0..255) moves an input value, on average: gradient steps are measured in grey
     * levels, so one step size suits a network fed 0..1, 0..255 or standardised pixels.
     */
    public double unit() {
        return unit;
    }

    /** Raw mid grey (128) as the network sees it. */
    public double[] grey() {
        return grey.clone();
    }

    /** Raw 0..255 CHW pixels as the network sees them. */
    public double[] standardize(double[] raw) {
        float[] x = new float[raw.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) raw[i];
        }
        preprocessing.apply(x, shape.channels(), shape.height() * shape.width());
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i];
        }
        return out;
    }

    /** Keras's starting image, grey with a little seeded noise, as the network sees it. */
    public double[] start(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] raw = new double[size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = START_GREY + START_NOISE * random.nextDouble();
        }
        return standardize(raw);
    }

    /** Uniform noise over the whole 0..255 range, seeded, as the network sees it. */
    public double[] noise(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] raw = new double[size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = 255 * random.nextDouble();
        }
        return standardize(raw);
    }

    /** Whether the network's input channels are the image's in reverse order (BGR, Keras's caffe mode). */
    public boolean reversesChannels() {
        return preprocessing.reversesChannels();
    }

    /** Network input values (CHW) as raw pixels, 0..255 scale, RGB order: what a picture of them shows. */
    public double[] toRaw(double[] chw) {
        return preprocessing.toRaw(chw, shape.channels(), shape.height() * shape.width());
    }

    /** One CHW image as a batch of one in the network's layout, [1, C, H, W] or [1, H, W, C], and data type. */
    public INDArray batch(double[] chw) {
        INDArray nchw = Nd4j.create(chw, new long[] {1, shape.channels(), shape.height(), shape.width()}, 'c');
        return (channelsLast ? nchw.permute(0, 2, 3, 1).dup('c') : nchw).castTo(dataType);
    }

    /** The values of a batch of one in the network's layout (an input, or a gradient with respect to it), CHW. */
    public double[] chw(INDArray batch) {
        INDArray nchw = channelsLast ? batch.permute(0, 3, 1, 2) : batch;
        return nchw.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    private double measureUnit() {
        SplittableRandom random = new SplittableRandom(1);
        double[] raw = new double[size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = 255 * random.nextDouble();
        }
        double rawStd = std(raw);
        double netStd = std(standardize(raw));
        return rawStd > 0 && netStd > 0 ? netStd / rawStd : 1;
    }

    private static double std(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return Math.sqrt(s / x.length);
    }
}
