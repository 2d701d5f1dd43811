package dev.convlab.config.yaml;

/** Where a value stands: a file (or "--set path=value") and a 1-based line and column. */
public record Location(String source, int line, int column) {
    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ":" + column : source;
    }
}
