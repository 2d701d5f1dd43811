package dev.convlab.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
final class Common {
    @Option(names = "--verbose", description = "print stack traces of errors")
    boolean verbose;
}
