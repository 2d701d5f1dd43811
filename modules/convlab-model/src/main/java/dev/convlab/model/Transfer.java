package dev.convlab.model;

/**
 * How a planned network uses its base model: its first {@code kept} planned layers are the base's (with the base's
 * weights), and the first {@code frozen} of them are not trained.
 */
public record Transfer(String from, int kept, int frozen) {
    public Transfer {
        if (kept < 1 || frozen < 0 || frozen > kept) {
            throw new IllegalArgumentException("kept " + kept + ", frozen " + frozen);
        }
    }
}
