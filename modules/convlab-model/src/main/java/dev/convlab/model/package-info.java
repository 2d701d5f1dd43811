/**
 * Turns the {@code model} part of a run config into a DL4J {@code MultiLayerConfiguration} with Keras's meaning:
 * layer names, output shapes, parameter counts and initialisers as Keras would have them. Shapes are worked out
 * here first ({@link dev.convlab.model.ModelPlan}), so a bad config fails with its YAML path before DL4J sees it.
 */
package dev.convlab.model;
