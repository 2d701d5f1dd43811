package dev.convlab.sweep;

import dev.convlab.config.InvalidValue;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;

/** Successive halving, as scikit-learn's HalvingGridSearchCV with epochs as the resource. */
@Doc("successive halving settings (strategy: halving)")
public record Halving(
        @Doc("each round keeps 1/factor of the trials and gives them factor times the epochs") @Default("3") int factor,
        @Doc("epochs every trial trains in the first round") @Default("1") int minEpochs) {
    /** The settings used when a sweep says strategy: halving and nothing more. */
    public static final Halving DEFAULT = new Halving(3, 1);

    public Halving {
        if (factor < 2) {
            throw new InvalidValue("factor", "must be at least 2", "use 2 or more (3 is scikit-learn's default)");
        }
        if (minEpochs < 1) {
            throw new InvalidValue("min_epochs", "must be at least 1", "use 1 or more");
        }
    }
}
