package dev.convlab.model;

import dev.convlab.config.layers.LayerSpec;

/** A layer spec together with the place in the YAML it came from. */
record SourcedLayer(LayerSpec spec, Origin origin) {
}
