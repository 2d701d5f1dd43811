package dev.convlab.config.layers;

import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.Optional;
import dev.convlab.config.schema.YamlName;

@YamlName("global_max_pooling2d")
@Doc("max over each whole feature map, giving one value per channel")
public record GlobalMaxPooling2D(@Doc("layer name") @Optional String name) implements LayerSpec {
}
