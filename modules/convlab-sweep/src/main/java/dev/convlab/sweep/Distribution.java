package dev.convlab.sweep;

import dev.convlab.config.InvalidValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where a random search draws one value from, written as a one-key mapping: {@code {uniform: [0.0, 0.5]}},
 * {@code {loguniform: [1.0e-4, 0.1]}}, {@code {int: [16, 128]}} (both ends included) or
 * {@code {choice: [sgd, adam]}}; a plain list is short for choice, as in scikit-learn's param_distributions.
 */
public sealed interface Distribution {

    /** One value; the same random state gives the same value. */
    Object draw(SplittableRandom random);

    /** The YAML name ({@code uniform}, {@code loguniform}, {@code int}, {@code choice}). */
    String name();

    /** Uniform in [low, high), as scipy.stats.uniform(low, high - low). */
    record Uniform(double low, double high) implements Distribution {
        public Uniform {
            finite(low, "uniform");
            finite(high, "uniform");
            if (!(low < high)) {
                throw new InvalidValue("uniform", "[" + low + ", " + high + "]: low must be below high", "write [low, high]");
            }
        }

        @Override
        public Object draw(SplittableRandom random) {
            return Math.min(low + (high - low) * random.nextDouble(), Math.nextDown(high));
        }

        @Override
        public String name() {
            return "uniform";
        }
    }

    /** Log-uniform in [low, high), as scipy.stats.loguniform(low, high): the right scale for learning rates. */
    record LogUniform(double low, double high) implements Distribution {
        public LogUniform {
            finite(low, "loguniform");
            finite(high, "loguniform");
            if (!(low > 0 && low < high)) {
                throw new InvalidValue("loguniform", "[" + low + ", " + high + "]: needs 0 < low < high",
                        "write positive bounds, e.g. [1.0e-4, 1.0e-1]");
            }
        }

        @Override
        public Object draw(SplittableRandom random) {
            double v = Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * random.nextDouble());
            return Math.max(low, Math.min(v, Math.nextDown(high)));
        }

        @Override
        public String name() {
            return "loguniform";
        }
    }

    /** A whole number in [low, high], both ends included (Python's random.randint, not numpy's). */
    record IntUniform(long low, long high) implements Distribution {
        public IntUniform {
            if (low > high) {
                throw new InvalidValue("int", "[" + low + ", " + high + "]: low must not be above high",
                        "write [low, high]; both are included");
            }
            if (high == Long.MAX_VALUE) {
                throw new InvalidValue("int", high + " is too large", "use a smaller upper bound");
            }
        }

        @Override
        public Object draw(SplittableRandom random) {
            long v = random.nextLong(low, high + 1);
            return v == (int) v ? (Object) (int) v : (Object) v;
        }

        @Override
        public String name() {
            return "int";
        }
    }

    /** One of the values, each as likely; values may be mappings or lists. */
    record Choice(List<Object> values) implements Distribution {
        public Choice {
            if (values == null || values.isEmpty()) {
                throw new InvalidValue("choice", "the list of values is empty", "write at least one value, e.g. [sgd, adam]");
            }
            if (new HashSet<>(values).size() != values.size()) {
                throw new InvalidValue("choice", "a value appears twice", "keep each value once");
            }
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        @Override
        public Object draw(SplittableRandom random) {
            return values.get(random.nextInt(values.size()));
        }

        @Override
        public String name() {
            return "choice";
        }
    }

    private static void finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new InvalidValue(name, value + " is not a finite number", "write finite bounds");
        }
    }
}
