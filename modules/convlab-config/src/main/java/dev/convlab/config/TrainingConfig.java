package dev.convlab.config;

import dev.convlab.config.callbacks.CallbacksConfig;
import dev.convlab.config.optim.OptimizerSpec;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;

/** How the network is trained. */
public record TrainingConfig(
        @Doc("passes over the training data") @Default("10") int epochs,
        @Doc("the optimizer: a name (adam) or a mapping with type and parameters") @Default("adam") OptimizerSpec optimizer,
        @Doc("the loss function") @Default("categorical_crossentropy") Loss loss,
        @Doc("Keras's callbacks: checkpoints, early stopping, learning-rate changes, CSV log, backups for --resume")
        @Default("{}") CallbacksConfig callbacks) {
    public TrainingConfig {
        Checks.positive("epochs", epochs);
    }
}
