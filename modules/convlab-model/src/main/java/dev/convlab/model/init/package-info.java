/**
 * Keras's weight initialisers as DL4J {@code IWeightInit}s. DL4J's own differ from Keras's (it divides a
 * convolution's fan-out by its strides, its "normal" initialisers are not truncated, and its UNIFORM is not
 * Keras's random_uniform), so convlab brings Keras's formulas. The classes serialise with DL4J's JSON, so a saved
 * network restores with them.
 */
package dev.convlab.model.init;
