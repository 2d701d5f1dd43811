package dev.convlab.train;

/** The numbers of one epoch, as Keras's History holds them. */
public record EpochResult(int epoch, double loss, double accuracy, double valLoss, double valAccuracy,
                          double learningRate, double seconds, long examples) {

    public boolean hasValidation() {
        return !Double.isNaN(valLoss);
    }
}
