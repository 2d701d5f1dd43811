package dev.convlab.config.callbacks;

import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.Optional;

/** The callbacks of a run, by Keras's names; each is off when left out except those with a default. */
public record CallbacksConfig(
        @Doc("save the model during training") @Optional ModelCheckpoint modelCheckpoint,
        @Doc("stop when a metric stops improving") @Optional EarlyStopping earlyStopping,
        @Doc("stop (exit code 3) as soon as the loss is NaN or infinite, keeping the last good checkpoint")
        @Default("true") boolean terminateOnNan,
        @Doc("lower the learning rate when a metric stops improving") @Optional ReduceLrOnPlateau reduceLrOnPlateau,
        @Doc("set the learning rate of each epoch from a schedule") @Optional LrSchedule learningRateScheduler,
        @Doc("write one CSV row per epoch to a file of your choice (history.csv is always written)")
        @Optional CsvLogger csvLogger,
        @Doc("the state saved for convlab train --resume") @Default("{}") BackupAndRestore backupAndRestore) {
}
