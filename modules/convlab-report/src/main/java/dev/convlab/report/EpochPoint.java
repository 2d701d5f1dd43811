package dev.convlab.report;

/**
 * One epoch of a training history as the report draws it. {@code Double.NaN} (or any non-finite value) means
 * absent, e.g. {@code valLoss} and {@code valAccuracy} of a run without validation data.
 *
 * @param epoch       the epoch number, as the history numbers it (convlab counts from 1)
 * @param loss        mean training loss of the epoch
 * @param accuracy    training accuracy, 0..1
 * @param valLoss     validation loss at the end of the epoch
 * @param valAccuracy validation accuracy, 0..1
 */
public record EpochPoint(int epoch, double loss, double accuracy, double valLoss, double valAccuracy) {
}
