package dev.convlab.config;

import dev.convlab.config.schema.Doc;

/**
 * How the points that a rotation, shift, shear or zoom brings in from outside the image are filled, by Keras's
 * names (which are scipy.ndimage's modes; shown for a row "abcd").
 */
public enum FillMode {
    @Doc("the value cval: kkkk|abcd|kkkk") CONSTANT,
    @Doc("the nearest edge pixel: aaaa|abcd|dddd") NEAREST,
    @Doc("mirrored about the edge: dcba|abcd|dcba") REFLECT,
    @Doc("repeated, as scipy's 'wrap' that Keras calls, whose period is one pixel shorter than the image: dbcd|abcd|bcab")
    WRAP
}
