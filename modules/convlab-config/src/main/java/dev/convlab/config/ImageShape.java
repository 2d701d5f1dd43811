package dev.convlab.config;

import dev.convlab.config.schema.Doc;

/** The shape of one input image. */
public record ImageShape(
        @Doc("image height in pixels") int height,
        @Doc("image width in pixels") int width,
        @Doc("1 for grey, 3 for colour") int channels) {
    public ImageShape {
        Checks.positive("height", height);
        Checks.positive("width", width);
        if (channels != 1 && channels != 3) {
            throw new InvalidValue("channels", channels + " is not a supported channel count", "use 1 (grey) or 3 (colour)");
        }
    }

    @Override
    public String toString() {
        return height + "x" + width + "x" + channels;
    }
}
