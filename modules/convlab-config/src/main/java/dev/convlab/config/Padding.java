package dev.convlab.config;

import dev.convlab.config.schema.Doc;

/** Keras's padding modes for convolution and pooling. */
public enum Padding {
    @Doc("no padding: the output shrinks by the kernel's extent minus one")
    VALID,
    @Doc("pad so that the output is ceil(input / stride)")
    SAME
}
