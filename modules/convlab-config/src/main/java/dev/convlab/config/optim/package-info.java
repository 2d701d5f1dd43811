/** Optimizers of the config format, with Keras's names, parameters and defaults. */
package dev.convlab.config.optim;
