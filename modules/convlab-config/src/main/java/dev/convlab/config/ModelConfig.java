package dev.convlab.config;

import dev.convlab.config.layers.LayerSpec;
import dev.convlab.config.layers.VggTemplate;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.Optional;
import java.util.List;

/** The network: either a list of Keras-named layers or a VGG template. */
public record ModelConfig(
        @Doc("the layers, first to last; the last dense layer is the output") @Optional List<LayerSpec> layers,
        @Doc("a VGG-style network built from blocks instead of a layer list") @Optional VggTemplate vgg) {
    public ModelConfig {
        layers = Checks.copy(layers);
        if (layers.isEmpty() && vgg == null) {
            throw new InvalidValue(null, "the model has no layers", "add model.layers (a list) or model.vgg (a template)");
        }
        if (!layers.isEmpty() && vgg != null) {
            throw new InvalidValue("vgg", "a model takes either layers or vgg, not both", "remove one of them");
        }
    }
}
