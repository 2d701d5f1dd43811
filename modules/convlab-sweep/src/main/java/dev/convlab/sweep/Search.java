package dev.convlab.sweep;

import dev.convlab.config.schema.Doc;

/** How the trials are chosen. */
public enum Search {
    @Doc("every combination of the grid's values, as scikit-learn's ParameterGrid") GRID,
    @Doc("n_trials draws from the params' distributions, as scikit-learn's ParameterSampler") RANDOM
}
