package dev.convlab.config;

import dev.convlab.config.schema.Doc;

/** How image-folder images are resized to data.image, by Keras's names. */
public enum Interpolation {
    @Doc("nearest pixel (Keras's flow_from_directory default)") NEAREST,
    @Doc("linear in both directions") BILINEAR,
    @Doc("cubic in both directions") BICUBIC,
    @Doc("pixel-area averaging, good for shrinking") AREA,
    @Doc("Lanczos over 8x8 pixels") LANCZOS
}
