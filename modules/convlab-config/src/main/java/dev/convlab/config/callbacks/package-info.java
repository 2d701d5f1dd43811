/**
 * The callbacks of a run, with Keras's names and defaults: model_checkpoint, early_stopping, terminate_on_nan,
 * reduce_lr_on_plateau, learning_rate_scheduler, csv_logger and backup_and_restore. Only what a value alone can
 * say is checked here; whether a monitored metric exists depends on the data and is checked when training starts.
 */
package dev.convlab.config.callbacks;
