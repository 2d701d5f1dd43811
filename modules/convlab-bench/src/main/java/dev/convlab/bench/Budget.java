package dev.convlab.bench;

/**
 * How long one measurement runs. Warm-up steps are run and thrown away (JIT, oneDNN primitive creation, workspace
 * growth) until there have been {@code warmupSteps} of them and {@code warmupSeconds} have passed: the JVM's JIT
 * compiler takes most of a core for several seconds after start, more than a few fast steps last, and a
 * measurement that starts too early times the compiler, not the training. Then steps are timed until there are at
 * least {@code minSteps} and {@code minSeconds} have passed, so fast cases average over many steps; a slow case
 * stops at {@code maxSeconds} once it has 3 steps, so one slow implementation cannot take the whole run's time.
 */
public record Budget(int warmupSteps, double warmupSeconds, int minSteps, double minSeconds, double maxSeconds) {
    static final int FEWEST_STEPS = 3;

    public static Budget from(Args args) {
        Budget warmup = warmupFrom(args);
        return new Budget(warmup.warmupSteps, warmup.warmupSeconds, args.getInt("min-steps"),
                args.getDouble("min-seconds"), args.getDouble("max-seconds"));
    }

    /** Only the warm-up part ({@code --warmup}, optional {@code --warmup-seconds}), for a caller that times itself. */
    public static Budget warmupFrom(Args args) {
        return new Budget(args.getInt("warmup"), Double.parseDouble(args.get("warmup-seconds", "0")), 0, 0, 0);
    }

    boolean warmedUp(int steps, double elapsedSeconds) {
        return steps >= warmupSteps && elapsedSeconds >= warmupSeconds;
    }

    boolean done(int steps, double elapsedSeconds) {
        return steps >= minSteps && elapsedSeconds >= minSeconds
                || elapsedSeconds >= maxSeconds && steps >= Math.min(FEWEST_STEPS, minSteps);
    }
}
