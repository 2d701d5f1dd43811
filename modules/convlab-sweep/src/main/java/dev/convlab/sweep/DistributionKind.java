package dev.convlab.sweep;

/** The YAML names of the distributions, an enum so a misspelt one gets the binder's did-you-mean. */
enum DistributionKind {
    UNIFORM, LOGUNIFORM, INT, CHOICE
}
