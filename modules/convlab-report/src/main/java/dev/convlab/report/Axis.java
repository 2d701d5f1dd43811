package dev.convlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One plot axis: its range and "nice" ticks (steps of 1, 2 or 5 times a power of ten), each labelled with as many
 * decimals as the step needs. Degenerate data (no value, one value, a constant) still gives a usable range.
 */
record Axis(double min, double max, double step, int decimals) {

    /** A padded axis for data in lo..hi (NaN or infinite bounds: nothing to show, 0..1). */
    static Axis of(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        }
        if (hi < lo) {
            double t = lo;
            lo = hi;
            hi = t;
        }
        if (hi - lo <= 1e-12 * Math.max(1, Math.abs(lo))) {
            double half = lo == 0 ? 0.05 : Math.abs(lo) * 0.05;
            lo -= half;
            hi += half;
        }
        double pad = (hi - lo) * 0.05;
        lo -= pad;
        hi += pad;
        return withStep(lo, hi, niceStep((hi - lo) / 6));
    }

    /** An axis for epoch numbers first..last: whole-number ticks, half an epoch of room at either end. */
    static Axis epochs(int first, int last) {
        double step = Math.max(1, niceStep((last - first) / 8.0));
        return withStep(first - 0.5, last + 0.5, step);
    }

    /** An axis for counts 0..max without padding (a colour bar), whole-number ticks. */
    static Axis counts(long max) {
        double hi = Math.max(1, max);
        return withStep(0, hi, Math.max(1, niceStep(hi / 5)));
    }

    private static Axis withStep(double lo, double hi, double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return new Axis(lo, hi, step, decimals);
    }

    /** 1, 2 or 5 times a power of ten, near raw. */
    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        double nice = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
        return nice * power;
    }

    /** The tick values inside the range, as whole multiples of the step (so 0.1 + 0.2 drift never shows). */
    List<Double> ticks() {
        long first = (long) Math.ceil(min / step - 1e-9);
        long last = (long) Math.floor(max / step + 1e-9);
        List<Double> ticks = new ArrayList<>();
        for (long k = first; k <= last && ticks.size() < 100; k++) {
            ticks.add(k * step);
        }
        return ticks;
    }

    String label(double tick) {
        return String.format(Locale.ROOT, "%." + decimals + "f", tick);
    }

    /** Where v lies on the axis: 0 at min, 1 at max. */
    double fraction(double v) {
        return (v - min) / (max - min);
    }
}
