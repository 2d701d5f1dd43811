package dev.convlab.model.init;

/**
 * fan_in and fan_out as Keras counts them (keras initializers compute_fans), read from the shape DL4J hands to an
 * initialiser: [nIn, nOut] for a dense layer, [filters, inChannels, kh, kw] for a convolution. Keras counts a
 * convolution's fans as kh*kw*in_channels and kh*kw*filters; DL4J's own fanOut is also divided by the strides,
 * which is why the fans DL4J passes in are not used.
 */
record Fans(double in, double out) {

    static Fans of(long[] shape, double dl4jFanIn, double dl4jFanOut) {
        if (shape.length == 2) {
            return new Fans(shape[0], shape[1]);
        }
        if (shape.length == 4) {
            double receptive = (double) shape[2] * shape[3];
            return new Fans(shape[1] * receptive, shape[0] * receptive);
        }
        return new Fans(dl4jFanIn, dl4jFanOut);
    }

    double avg() {
        return (in + out) / 2.0;
    }
}
