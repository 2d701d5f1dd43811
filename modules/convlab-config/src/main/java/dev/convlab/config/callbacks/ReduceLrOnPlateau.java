package dev.convlab.config.callbacks;

import dev.convlab.config.Checks;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;

/** Keras's ReduceLROnPlateau. */
@Doc("Keras's ReduceLROnPlateau: multiply the learning rate by factor when the metric stops improving")
public record ReduceLrOnPlateau(
        @Doc("the metric to watch") @Default("val_loss") String monitor,
        @Doc("the learning rate is multiplied by this") @Default("0.1") double factor,
        @Doc("epochs without improvement before reducing") @Default("10") int patience,
        @Doc("whether the metric is better lower (min) or higher (max)") @Default("auto") Mode mode,
        @Doc("a change smaller than this is no improvement") @Default("1.0e-4") double minDelta,
        @Doc("epochs to wait after a reduction before counting again") @Default("0") int cooldown,
        @Doc("the learning rate never goes below this") @Default("0.0") double minLr) {

    public ReduceLrOnPlateau {
        Checks.notBlank("monitor", monitor);
        Checks.inRange("factor", factor, Double.MIN_VALUE, 1.0);
        Checks.nonNegative("patience", patience);
        Checks.nonNegative("min_delta", minDelta);
        Checks.nonNegative("cooldown", cooldown);
        Checks.nonNegative("min_lr", minLr);
    }
}
