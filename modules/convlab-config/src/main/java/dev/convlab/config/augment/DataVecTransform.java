package dev.convlab.config.augment;

import dev.convlab.config.schema.Registry;

/**
 * One of DataVec's own image transforms, by name, run on each training image before Keras's ops. Each has a
 * probability of being applied (default 1).
 */
@Registry
public sealed interface DataVecTransform permits Crop, Resize, ColorConversion, EqualizeHistogram {

    /** The chance that the transform is applied to an image. */
    double probability();
}
