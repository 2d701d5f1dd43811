package dev.convlab.config;

import dev.convlab.config.schema.Doc;

/**
 * Keras's {@code zoom_range}: the interval that the row and column zoom factors are drawn from, independently.
 * A number z means [1 - z, 1 + z]; a list gives [lower, upper]. As in Keras, a factor above 1 samples a larger
 * area of the input, so the content looks smaller.
 */
@Doc("a number z for [1 - z, 1 + z], or a list [lower, upper]; factors above 1 make the content smaller, as Keras")
public record ZoomRange(double lower, double upper) {
    /** No zoom (Keras's default 0, i.e. [1, 1]). */
    public static final ZoomRange NONE = new ZoomRange(1, 1);

    public ZoomRange {
        if (!(lower > 0) || Double.isInfinite(upper) || !(upper >= lower)) {
            throw new InvalidValue(null, "[" + lower + ", " + upper + "] is not a zoom interval",
                    "use 0 < lower <= upper, e.g. [0.8, 1.2]");
        }
    }

    /** Keras's reading of a single number z. */
    public static ZoomRange of(double z) {
        if (!(z >= 0 && z < 1)) {
            throw new InvalidValue(null, "would allow zoom factors down to " + (1 - z),
                    "use a number in [0, 1), or a list [lower, upper]");
        }
        return new ZoomRange(1 - z, 1 + z);
    }

    /** Keras skips the zoom draw when both ends are 1. */
    public boolean isActive() {
        return lower != 1 || upper != 1;
    }

    @Override
    public String toString() {
        return "[" + lower + ", " + upper + "]";
    }
}
