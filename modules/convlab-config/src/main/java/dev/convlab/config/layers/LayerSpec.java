package dev.convlab.config.layers;

import dev.convlab.config.schema.Registry;

/** One layer of a {@code model.layers} list, written as a one-key mapping named as in Keras. */
@Registry
public sealed interface LayerSpec permits Conv2D, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D,
        GlobalMaxPooling2D, ZeroPadding2D, BatchNormalization, Dropout, Flatten, Dense, ActivationLayer {

    /** The layer's name, or null to let the model builder number it as Keras does. */
    String name();
}
