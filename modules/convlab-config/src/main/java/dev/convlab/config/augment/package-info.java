/**
 * The parts of {@code data.augmentation} beyond Keras's flat keys: the per-op probabilities and DataVec's own image
 * transforms, chosen by name. The meaning of each option is implemented and tested in {@code dev.convlab.data.augment}.
 */
package dev.convlab.config.augment;
