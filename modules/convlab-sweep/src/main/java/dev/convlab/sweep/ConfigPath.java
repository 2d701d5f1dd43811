package dev.convlab.sweep;

import dev.convlab.config.InvalidValue;
import java.util.regex.Pattern;

/** A dotted config path with list indices, the grammar of {@code --set}: {@code model.layers[4].dropout.rate}. */
final class ConfigPath {
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_\\-]+(\\[\\d+])*(\\.[A-Za-z0-9_\\-]+(\\[\\d+])*)*");
    /** Set for every trial from holdout, so it must not vary between trials. */
    static final String VALIDATION_SPLIT = "data.validation_split";

    private ConfigPath() {
    }

    static void check(String field, String path) {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new InvalidValue(field, "'" + path + "' is not a config path",
                    "write a dotted path such as data.batch_size or model.layers[4].dropout.rate");
        }
        if (path.equals(VALIDATION_SPLIT)) {
            throw new InvalidValue(field, "every trial must be scored on the same held-out data",
                    "use holdout: <fraction> (or cv: K) to choose the validation data of all trials");
        }
    }
}
