package dev.convlab.sweep;

import java.nio.file.Path;

/**
 * A sweep as loaded: the spec, the sweep file, the base run config it names (resolved against the sweep file's
 * folder), the file's text as written, and where each value stands in it.
 */
public record LoadedSweep(SweepSpec spec, Path file, Path baseConfig, String text, SweepSources sources) {
}
