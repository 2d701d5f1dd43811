package dev.convlab.viz;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** A number computed from a layer's output for one input, and its gradient with respect to that output. */
public interface Objective {

    double value(INDArray output);

    /** d value / d output, the shape of {@code output}. */
    INDArray gradient(INDArray output);

    /** The mean over all positions of one channel of feature maps [1, C, H, W]: how strongly a filter responds. */
    static Objective channelMean(int channel) {
        return channelMean(channel, false);
    }

    /**
     * The mean over all positions of one channel of feature maps, [1, C, H, W], or [1, H, W, C] when
     * {@code channelsLast} (a Keras channels_last model).
     */
    static Objective channelMean(int channel, boolean channelsLast) {
        return new Objective() {
            @Override
            public double value(INDArray output) {
                return plane(output).meanNumber().doubleValue();
            }

            @Override
            public INDArray gradient(INDArray output) {
                INDArray g = Nd4j.zeros(output.dataType(), output.shape());
                long positions = channelsLast ? output.size(1) * output.size(2) : output.size(2) * output.size(3);
                plane(g).assign(1.0 / positions);
                return g;
            }

            private INDArray plane(INDArray output) {
                return channelsLast
                        ? output.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.all(),
                                NDArrayIndex.point(channel))
                        : output.get(NDArrayIndex.point(0), NDArrayIndex.point(channel), NDArrayIndex.all(),
                                NDArrayIndex.all());
            }
        };
    }

    /** {@code sign} times one unit of a vector output [1, N]: a class score. */
    static Objective unit(int index, double sign) {
        return new Objective() {
            @Override
            public double value(INDArray output) {
                return sign * output.getDouble(0, index);
            }

            @Override
            public INDArray gradient(INDArray output) {
                INDArray g = Nd4j.zeros(output.dataType(), output.shape());
                g.putScalar(0, index, sign);
                return g;
            }
        };
    }
}
