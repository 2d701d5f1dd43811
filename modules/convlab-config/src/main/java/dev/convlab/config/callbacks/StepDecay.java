package dev.convlab.config.callbacks;

import dev.convlab.config.Checks;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.YamlName;

@YamlName("step")
@Doc("lr * gamma ^ floor(epoch / step_size): drops by gamma every step_size epochs")
public record StepDecay(
        @Doc("epochs between drops") int stepSize,
        @Doc("factor of each drop") @Default("0.1") double gamma) implements LrSchedule {
    public StepDecay {
        Checks.positive("step_size", stepSize);
        Checks.positive("gamma", gamma);
    }

    @Override
    public double rate(double initial, int epoch, int epochs) {
        return initial * Math.pow(gamma, Math.floorDiv(epoch, stepSize));
    }
}
