/**
 * Keras .h5 models for {@code convlab visualize}: a whole model or a weights-only file (Keras's VGG16 weights file
 * as it is, with the VGG16 JSON shipped here) loaded through DL4J's Keras import ({@link
 * dev.convlab.viz.keras.KerasModelFile}), Keras's preprocess_input modes ({@link dev.convlab.viz.keras.KerasPreprocess})
 * and class-index files ({@link dev.convlab.viz.keras.ClassIndex}).
 */
package dev.convlab.viz.keras;
