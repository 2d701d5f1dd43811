package dev.convlab.backend;

import dev.convlab.config.BadInput;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * The knobs convlab reads from the process: the fast-path switch, the thread count and OpenBLAS's thread count.
 * System properties win over environment variables so a single run can override a shell-wide setting.
 *
 * @param fast    {@code convlab.fast} / {@code CONVLAB_FAST}; off means the plain native build and no oneDNN helpers
 * @param threads {@code convlab.threads}, else {@code OMP_NUM_THREADS}; empty leaves ND4J's default, which is all
 *                physical cores
 * @param threadsFrom which of the two set {@code threads}, or "default"
 * @param blasThreads {@code convlab.blas_threads}, else {@code CONVLAB_BLAS_THREADS}: OpenBLAS's pool; empty leaves
 *                    convlab's rule ({@link Backends#blasThreads}: one thread when oneDNN runs the convolutions,
 *                    else what the thread count or ND4J's default gives it)
 */
public record BackendSettings(boolean fast, OptionalInt threads, String threadsFrom, OptionalInt blasThreads) {

    public static final String FAST_PROPERTY = "convlab.fast";
    public static final String FAST_ENV = "CONVLAB_FAST";
    public static final String THREADS_PROPERTY = "convlab.threads";
    public static final String THREADS_ENV = "OMP_NUM_THREADS";
    public static final String BLAS_THREADS_PROPERTY = "convlab.blas_threads";
    public static final String BLAS_THREADS_ENV = "CONVLAB_BLAS_THREADS";

    public static BackendSettings current() {
        return from(System.getProperties(), System.getenv());
    }

    public static BackendSettings from(Properties props, Map<String, String> env) {
        boolean fast = true;
        String prop = props.getProperty(FAST_PROPERTY);
        String envFast = env.get(FAST_ENV);
        if (prop != null) {
            fast = parseSwitch(prop, "-D" + FAST_PROPERTY);
        } else if (envFast != null) {
            fast = parseSwitch(envFast, FAST_ENV);
        }
        // ND4J parses OMP_NUM_THREADS itself and dies with a bare NumberFormatException on junk; check it first.
        OptionalInt threads = count(props, env, THREADS_PROPERTY, THREADS_ENV);
        String threadsFrom = props.getProperty(THREADS_PROPERTY) != null ? THREADS_PROPERTY
                : threads.isPresent() ? THREADS_ENV : "default";
        return new BackendSettings(fast, threads, threadsFrom,
                count(props, env, BLAS_THREADS_PROPERTY, BLAS_THREADS_ENV));
    }

    /** The count from the system property, else from the environment variable, else empty; checked either way. */
    private static OptionalInt count(Properties props, Map<String, String> env, String property, String variable) {
        String prop = props.getProperty(property);
        if (prop != null) {
            return OptionalInt.of(parseThreads(prop, "-D" + property));
        }
        String value = env.get(variable);
        return value == null || value.isBlank() ? OptionalInt.empty() : OptionalInt.of(parseThreads(value, variable));
    }

    private static boolean parseSwitch(String value, String where) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "on", "yes":
                return true;
            case "0", "false", "off", "no":
                return false;
            default:
                throw new BadInput(where, "'" + value + "' is not a switch value", "use true or false (1 or 0)");
        }
    }

    private static int parseThreads(String value, String where) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the fix
        }
        throw new BadInput(where, "'" + value + "' is not a thread count", "use a whole number of at least 1");
    }
}
