package dev.convlab.config.augment;

import dev.convlab.config.schema.Doc;

/** Colour spaces of OpenCV that an RGB image can be converted to, 8 bits per channel. */
public enum ColourSpace {
    @Doc("hue (0..179), saturation, value") HSV,
    @Doc("hue (0..179), lightness, saturation") HLS,
    @Doc("luma and two chroma differences") YCRCB,
    @Doc("CIE L*a*b*") LAB,
    @Doc("CIE L*u*v*") LUV,
    @Doc("RGB with red and blue swapped") BGR
}
