package dev.convlab.backend;

import dev.convlab.config.BackendKind;

/** Prints BackendFacts.toMap() as key=value lines; run in a forked JVM by {@link FastSwitchInFreshJvmTest}. */
public final class FactsMain {
    private FactsMain() {
    }

    public static void main(String[] args) {
        Backends.init(BackendKind.CPU);
        BackendFacts.collect().toMap().forEach((k, v) -> System.out.println(k + "=" + v));
    }
}
