package dev.convlab.config;

import dev.convlab.config.schema.Doc;
import java.util.List;

/**
 * Keras's {@code width_shift_range} / {@code height_shift_range}: how far an image may move along one axis. What
 * the value means depends on how it is written, exactly as in Keras (where it depends on the Python type): a
 * number r gives a shift drawn uniformly from [-r, r]; a whole number n gives whole pixels in (-n, n); a list gives
 * one of its values with a random sign. In each case the values are fractions of the image's size when they are all
 * below 1, and pixels otherwise.
 */
@Doc("a number r (uniform in [-r, r]), a whole number n (whole pixels in (-n, n)) or a list (one of its values, with"
        + " a random sign); fractions of the size when all values are below 1, else pixels, as Keras")
public record ShiftRange(Kind kind, List<Double> values) {

    /** How the YAML wrote it. */
    public enum Kind {
        /** A number (YAML float): uniform in [-r, r]. */
        UNIFORM,
        /** A whole number (YAML int): {@code np.random.choice(n)} with a random sign. */
        WHOLE,
        /** A list: one of its values with a random sign. */
        CHOICE
    }

    /** No shift (Keras's default 0). */
    public static final ShiftRange NONE = whole(0);

    public ShiftRange {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new InvalidValue(null, "an empty list gives nothing to choose from", "give at least one value, or 0");
        }
        if (kind != Kind.CHOICE && values.size() != 1) {
            throw new IllegalArgumentException(kind + " takes one value, got " + values);
        }
        for (double v : values) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new InvalidValue(null, v + " must not be negative (the sign is drawn at random)",
                        "use 0 or more");
            }
        }
        if (kind == Kind.WHOLE && values.get(0) != Math.rint(values.get(0))) {
            throw new IllegalArgumentException("WHOLE takes a whole number, got " + values.get(0));
        }
    }

    public static ShiftRange uniform(double range) {
        return new ShiftRange(Kind.UNIFORM, List.of(range));
    }

    public static ShiftRange whole(int n) {
        return new ShiftRange(Kind.WHOLE, List.of((double) n));
    }

    public static ShiftRange choice(List<Double> values) {
        return new ShiftRange(Kind.CHOICE, values);
    }

    /** The single value of a number or whole number. */
    public double range() {
        return values.get(0);
    }

    /** False when no shift can happen (Keras tests the range for truth: 0 and 0.0 mean off). */
    public boolean isActive() {
        return kind == Kind.CHOICE || range() != 0;
    }

    /** Keras's {@code np.max(range) < 1}: the drawn value is then multiplied by the image's size. */
    public boolean isFraction() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0) < 1;
    }

    /** The largest shift it can give, in pixels, for an axis of {@code size} pixels. */
    public double maxPixels(int size) {
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (kind == Kind.WHOLE) {
            max = Math.max(0, max - 1);
        }
        return isFraction() ? max * size : max;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case UNIFORM -> Double.toString(range());
            case WHOLE -> Integer.toString((int) range());
            case CHOICE -> values.toString();
        };
    }
}
