package dev.convlab.config.layers;

import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.Optional;
import dev.convlab.config.schema.YamlName;

@YamlName("flatten")
@Doc("flattens feature maps into a vector")
public record Flatten(@Doc("layer name") @Optional String name) implements LayerSpec {
}
