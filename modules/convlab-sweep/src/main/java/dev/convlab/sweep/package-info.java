/**
 * Grid and random searches over a run config, as scikit-learn's GridSearchCV and RandomizedSearchCV: the sweep file
 * ({@link dev.convlab.sweep.SweepLoader}), its expansion into trials and the check of every trial's config before
 * any trains ({@link dev.convlab.sweep.Trials}). A trial is a base config plus {@code --set} overrides.
 */
package dev.convlab.sweep;
