/**
 * Pictures of a training run (loss and accuracy curves, the confusion matrix, misclassified test images) and one
 * self-contained HTML report that embeds them. Everything is drawn with plain Java2D from plain Java values, so the
 * module needs no DL4J and works headless; the training code hands it numbers, strings and pixel arrays.
 */
package dev.convlab.report;
