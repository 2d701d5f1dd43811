package dev.convlab.config;

import dev.convlab.config.layers.LayerSpec;
import dev.convlab.config.layers.VggTemplate;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.Optional;
import java.util.List;

/**
 * The network: either a list of Keras-named layers or a VGG template; or, for transfer learning, the first layers of
 * a trained model ({@code base}) followed by the listed layers.
 */
public record ModelConfig(
        @Doc("the layers, first to last; the last dense layer is the output (with base: the layers added after the base's)")
        @Optional List<LayerSpec> layers,
        @Doc("a VGG-style network built from blocks instead of a layer list") @Optional VggTemplate vgg,
        @Doc("transfer learning: the first layers of a trained model, with its weights, before the listed layers")
        @Optional BaseModelConfig base) {
    public ModelConfig(List<LayerSpec> layers, VggTemplate vgg) {
        this(layers, vgg, null);
    }

    public ModelConfig {
        layers = Checks.copy(layers);
        if (base != null && vgg != null) {
            throw new InvalidValue("vgg", "a model with a base takes its new layers as a list, not a vgg template",
                    "write the new layers under model.layers");
        }
        if (layers.isEmpty() && vgg == null && base == null) {
            throw new InvalidValue(null, "the model has no layers", "add model.layers (a list) or model.vgg (a template)");
        }
        if (!layers.isEmpty() && vgg != null) {
            throw new InvalidValue("vgg", "a model takes either layers or vgg, not both", "remove one of them");
        }
    }
}
