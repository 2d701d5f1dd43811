package dev.convlab.model;

import java.util.Locale;

/** Byte counts for people: 1024-based units with two decimals, as Keras's summary writes them. */
final class Bytes {
    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    private Bytes() {
    }

    static String readable(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.2f %s", value, UNITS[unit]);
    }
}
