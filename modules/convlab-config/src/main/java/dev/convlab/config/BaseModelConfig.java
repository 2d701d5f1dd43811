package dev.convlab.config;

import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.Optional;

/**
 * Transfer learning: the first layers of a trained model, with its weights, under the new model's own layers. The
 * layer names are those of the base model's summary ({@code convlab check}, its run's summary.txt).
 */
@Doc("transfer learning: start from the first layers of a trained model, with their weights")
public record BaseModelConfig(
        @Doc("the trained model: a convlab model.zip or checkpoint (a relative path is taken from the working directory)")
        String from,
        @Doc("the base's last layer that is kept (a name from its summary); default: its convolution base, every layer before the first flatten or dense layer, as Keras's include_top=False")
        @Optional String keepUntil,
        @Doc("the last layer whose weights stay fixed (frozen layers run as at inference: no dropout, batch normalisation with the base's statistics); default: keep_until, the whole kept base; none: every layer is trained (fine-tuning)")
        @Optional String freezeUntil) {
    /** The value of freeze_until that freezes nothing. */
    public static final String NONE = "none";

    public BaseModelConfig {
        Checks.notBlank("from", from);
        if (keepUntil != null) {
            Checks.notBlank("keep_until", keepUntil);
        }
        if (freezeUntil != null) {
            Checks.notBlank("freeze_until", freezeUntil);
        }
    }
}
