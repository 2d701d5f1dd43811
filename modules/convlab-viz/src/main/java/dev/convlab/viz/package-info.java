/**
 * What a trained network learned, as pictures: the feature maps of one input, the inputs that excite a filter or a
 * class most (gradient ascent in input space), the first layer's weights, and a saliency map. Gradients are taken
 * on an inference copy of the network (no dropout, batch normalisation frozen), so they are those of the function
 * the network computes when it predicts.
 */
package dev.convlab.viz;
