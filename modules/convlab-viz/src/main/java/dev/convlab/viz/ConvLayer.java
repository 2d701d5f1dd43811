package dev.convlab.viz;

/**
 * A convolution layer of a model: its Keras name (as the summary prints it), its index in the DL4J network, and its
 * output shape, height x width x channels.
 */
public record ConvLayer(String name, int index, int height, int width, int channels) {

    /** As the summary prints the output shape: {@code (None, 26, 26, 8)}. */
    public String kerasShape() {
        return "(None, " + height + ", " + width + ", " + channels + ")";
    }
}
