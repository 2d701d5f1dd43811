/**
 * The benchmark networks written by hand in plain DL4J, as a DL4J user would write them from the Keras tutorials:
 * DL4J's builders and default initialisation, nothing from convlab. Each takes its updater, so the same layers
 * run with DL4J's own updater (plain DL4J) or with the one convlab builds from the YAML (to compare like with like
 * against convlab). Layer for layer they match configs/bench (BenchConfigsTest checks parameters and FLOPs).
 */
package dev.convlab.bench.dl4j;
