package dev.convlab.config.callbacks;

import dev.convlab.config.schema.Registry;

/**
 * Keras's LearningRateScheduler with a named schedule: the learning rate of each epoch, set as the epoch begins,
 * from the optimizer's learning rate and the 0-based epoch.
 */
@Registry(discriminator = "type")
public sealed interface LrSchedule permits StepDecay, ExponentialDecay, CosineDecay {

    /** The learning rate of 0-based epoch {@code epoch} of {@code epochs}, starting from {@code initial}. */
    double rate(double initial, int epoch, int epochs);
}
