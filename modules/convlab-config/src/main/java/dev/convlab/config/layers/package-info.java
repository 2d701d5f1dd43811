/**
 * The layer catalogue of the config format: one record per Keras layer name, each validated when made. The model
 * module turns them into DL4J layers; nothing here knows DL4J.
 */
package dev.convlab.config.layers;
