/**
 * The config format as immutable records, validated when made, whether they come from YAML or from code. This
 * module knows nothing of DL4J: the model, data and train modules read these records.
 */
package dev.convlab.config;
