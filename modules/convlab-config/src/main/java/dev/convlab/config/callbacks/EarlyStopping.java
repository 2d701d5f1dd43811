package dev.convlab.config.callbacks;

import dev.convlab.config.Checks;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.Optional;

/** Keras's EarlyStopping. */
@Doc("Keras's EarlyStopping: stop when the monitored metric has stopped improving")
public record EarlyStopping(
        @Doc("the metric to watch") @Default("val_loss") String monitor,
        @Doc("a change smaller than this is no improvement") @Default("0.0") double minDelta,
        @Doc("epochs without improvement before stopping") @Default("0") int patience,
        @Doc("whether the metric is better lower (min) or higher (max)") @Default("auto") Mode mode,
        @Doc("stop unless the metric gets better than this value within patience epochs") @Optional Double baseline,
        @Doc("end with the weights of the best epoch, however training ended (stopped early or ran out of epochs)")
        @Default("false") boolean restoreBestWeights,
        @Doc("epochs to wait before watching at all (a warm-up)") @Default("0") int startFromEpoch) {

    public EarlyStopping {
        Checks.notBlank("monitor", monitor);
        Checks.nonNegative("min_delta", minDelta);
        Checks.nonNegative("patience", patience);
        Checks.nonNegative("start_from_epoch", startFromEpoch);
    }
}
