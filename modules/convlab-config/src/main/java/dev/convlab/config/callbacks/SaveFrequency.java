package dev.convlab.config.callbacks;

import dev.convlab.config.InvalidValue;

/** Keras's save_freq: "epoch", or a whole number of training batches. */
final class SaveFrequency {
    private SaveFrequency() {
    }

    /** 0 for every epoch, else the number of batches between saves. */
    static int batches(String field, String value) {
        if ("epoch".equals(value)) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidValue(field, "'" + value + "' is neither epoch nor a positive whole number of batches",
                "write save_freq: epoch, or e.g. save_freq: 100");
    }
}
