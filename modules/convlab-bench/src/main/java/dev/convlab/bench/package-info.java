/**
 * The performance benchmark of issue 3: training and inference throughput, peak memory and achieved GFLOP/s of
 * convlab's networks against the same networks in plain DL4J and PyTorch, the machine's matrix-multiply rate, and
 * the share of an epoch spent waiting for image-folder data. Each main class makes one measurement in its own
 * process and appends one JSON line; {@code scripts/benchmark.sh} runs them all and {@link
 * dev.convlab.bench.report.ReportMain} turns the lines into docs/benchmarks.md.
 */
package dev.convlab.bench;
