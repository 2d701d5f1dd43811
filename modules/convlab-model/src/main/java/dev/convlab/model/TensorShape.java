package dev.convlab.model;

/** The activations of one example, without the batch axis: feature maps or a flat vector. */
public sealed interface TensorShape permits TensorShape.Maps, TensorShape.Flat {

    /** Number of values per example. */
    long size();

    /** As Keras's summary prints it, batch axis first: {@code (None, 26, 26, 8)}. */
    String keras();

    /** Height x width x channels, channels last as Keras writes them (DL4J stores them NCHW). */
    record Maps(int height, int width, int channels) implements TensorShape {
        @Override
        public long size() {
            return (long) height * width * channels;
        }

        @Override
        public String keras() {
            return "(None, " + height + ", " + width + ", " + channels + ")";
        }

        @Override
        public String toString() {
            return height + "x" + width + "x" + channels;
        }
    }

    record Flat(int units) implements TensorShape {
        @Override
        public long size() {
            return units;
        }

        @Override
        public String keras() {
            return "(None, " + units + ")";
        }

        @Override
        public String toString() {
            return Integer.toString(units);
        }
    }
}
