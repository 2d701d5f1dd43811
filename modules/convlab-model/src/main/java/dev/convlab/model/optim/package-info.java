/**
 * Keras's optimizers as DL4J updaters. Where DL4J's own updater computes Keras's step (plain SGD, Nesterov SGD,
 * Adam, AMSGrad, Adadelta) it is used; where it does not (SGD with heavy-ball momentum, which DL4J lacks, and
 * RMSprop, Adagrad, Adamax and Nadam, whose DL4J steps differ from Keras's) convlab supplies an updater that does.
 * They serialise with DL4J's JSON and keep their state in DL4J's updater view, so checkpoints restore them.
 */
package dev.convlab.model.optim;
