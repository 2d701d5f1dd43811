package dev.convlab.config.callbacks;

import dev.convlab.config.Checks;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.YamlName;

@YamlName("exponential")
@Doc("lr * gamma ^ epoch")
public record ExponentialDecay(@Doc("factor per epoch") double gamma) implements LrSchedule {
    public ExponentialDecay {
        Checks.positive("gamma", gamma);
    }

    @Override
    public double rate(double initial, int epoch, int epochs) {
        return initial * Math.pow(gamma, epoch);
    }
}
