package dev.convlab.config;

import java.util.List;

/** Small validation helpers for record constructors; each failure names the YAML key, the rule and a fix. */
public final class Checks {
    private Checks() {
    }

    public static int positive(String field, int value) {
        if (value <= 0) {
            throw new InvalidValue(field, value + " must be a positive whole number", "use a value of 1 or more");
        }
        return value;
    }

    public static int nonNegative(String field, int value) {
        if (value < 0) {
            throw new InvalidValue(field, value + " must not be negative", "use 0 or more");
        }
        return value;
    }

    public static double positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidValue(field, value + " must be a positive number", "use a value above 0");
        }
        return value;
    }

    public static double nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidValue(field, value + " must not be negative", "use 0 or more");
        }
        return value;
    }

    /** lo <= value < hi. */
    public static double inRange(String field, double value, double lo, double hi) {
        if (!(value >= lo && value < hi)) {
            throw new InvalidValue(field, value + " must be at least " + lo + " and below " + hi,
                    "use a value in [" + lo + ", " + hi + ")");
        }
        return value;
    }

    public static String notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue(field, "must not be empty", "give a non-empty value");
        }
        return value;
    }

    public static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
