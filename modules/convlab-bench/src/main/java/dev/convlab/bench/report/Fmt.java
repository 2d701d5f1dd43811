package dev.convlab.bench.report;

import java.util.Locale;

/** Number formats of the report: three significant figures are all a benchmark on a shared CPU supports. */
final class Fmt {
    static final String NONE = "–";

    private Fmt() {
    }

    static String rate(Double v) {
        if (v == null || !Double.isFinite(v)) {
            return NONE;
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    static String ratio(Double v) {
        return v == null || !Double.isFinite(v) ? NONE : String.format(Locale.ROOT, "%.2f", v);
    }

    static String percent(Double share) {
        return share == null || !Double.isFinite(share) ? NONE : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    static String mib(Number bytes) {
        return bytes == null || bytes.longValue() < 0 ? NONE
                : String.format(Locale.ROOT, "%,d MiB", Math.round(bytes.doubleValue() / (1 << 20)));
    }

    static String seconds(Double v) {
        return v == null ? NONE : String.format(Locale.ROOT, "%.1f s", v);
    }
}
