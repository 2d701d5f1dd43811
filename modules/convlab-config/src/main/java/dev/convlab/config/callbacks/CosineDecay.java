package dev.convlab.config.callbacks;

import dev.convlab.config.Checks;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.Optional;
import dev.convlab.config.schema.YamlName;

@YamlName("cosine")
@Doc("min_lr + (lr - min_lr) * (1 + cos(pi * epoch / t_max)) / 2: a half cosine from lr down to min_lr")
public record CosineDecay(
        @Doc("epochs of the half cosine (default: training.epochs)") @Optional Integer tMax,
        @Doc("the learning rate at the end") @Default("0.0") double minLr) implements LrSchedule {
    public CosineDecay {
        if (tMax != null) {
            Checks.positive("t_max", tMax);
        }
        Checks.nonNegative("min_lr", minLr);
    }

    @Override
    public double rate(double initial, int epoch, int epochs) {
        int period = tMax != null ? tMax : epochs;
        double progress = Math.min(epoch, period) / (double) period;
        return minLr + (initial - minLr) * (1 + Math.cos(Math.PI * progress)) / 2;
    }
}
