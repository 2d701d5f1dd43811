package dev.convlab.sweep;

import dev.convlab.config.schema.Doc;

/** How much training each trial gets. */
public enum Strategy {
    @Doc("every trial trains for all of its epochs") FULL,
    @Doc("successive halving: all trials train a few epochs, the best 1/factor go on with factor times more") HALVING
}
