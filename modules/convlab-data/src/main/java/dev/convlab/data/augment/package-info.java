/**
 * Keras ImageDataGenerator parity on float images: the random draws of {@code get_random_transform}, the
 * deterministic {@code apply_transform} (one affine map about the centre, resampled like scipy's
 * {@code affine_transform} with order 1), and per-image and featurewise normalisation. Images are float arrays in
 * CHW order with raw 0..255 values; {@link dev.convlab.data.augment.KerasImageTransform} wraps it all as a DataVec
 * ImageTransform.
 */
package dev.convlab.data.augment;
