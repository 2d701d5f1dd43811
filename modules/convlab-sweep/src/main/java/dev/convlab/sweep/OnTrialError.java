package dev.convlab.sweep;

import dev.convlab.config.InvalidValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a sweep does when a trial fails while training: {@code continue} (record the failure, go on),
 * {@code fail_fast} (stop the sweep) or {@code retry(N)} (train it again up to N more times, then continue).
 */
public record OnTrialError(Action action, int retries) {
    public static final OnTrialError CONTINUE = new OnTrialError(Action.CONTINUE, 0);
    public static final OnTrialError FAIL_FAST = new OnTrialError(Action.FAIL_FAST, 0);
    private static final Pattern RETRY = Pattern.compile("retry\\(\\s*(\\d{1,9})\\s*\\)");
    private static final String FIX = "write continue, fail_fast or retry(N) with N of 1 or more, e.g. retry(2)";

    public enum Action { CONTINUE, FAIL_FAST, RETRY }

    public OnTrialError {
        if (action == null) {
            throw new InvalidValue("on_trial_error", "must not be empty", FIX);
        }
        if (action == Action.RETRY ? retries < 1 : retries != 0) {
            throw new InvalidValue("on_trial_error", action == Action.RETRY ? "retry(" + retries + ") must retry at least once"
                    : "only retry takes a count", FIX);
        }
    }

    /** Reads the YAML form. */
    public static OnTrialError parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.equals("continue")) {
            return CONTINUE;
        }
        if (t.equals("fail_fast")) {
            return FAIL_FAST;
        }
        Matcher m = RETRY.matcher(t);
        if (m.matches()) {
            return new OnTrialError(Action.RETRY, Integer.parseInt(m.group(1)));
        }
        throw new InvalidValue("on_trial_error", "'" + t + "' is not continue, fail_fast or retry(N)", FIX);
    }

    /** The YAML form: continue, fail_fast or retry(N). */
    @Override
    public String toString() {
        return switch (action) {
            case CONTINUE -> "continue";
            case FAIL_FAST -> "fail_fast";
            case RETRY -> "retry(" + retries + ")";
        };
    }
}
