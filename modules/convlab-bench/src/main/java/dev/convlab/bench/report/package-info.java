/**
 * Turns the benchmark's JSON lines into docs/benchmarks.md and a console summary: the machine, the method, the
 * throughput table, the ratios, the distance to the matrix-multiply ceiling, the data wait and whether each
 * must-show target of issue 3 was met.
 */
package dev.convlab.bench.report;
