package dev.convlab.config.yaml;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every example in configs/ parses and binds (the CLI tests also run `check` on each). */
class ExampleConfigsTest {
    static List<Path> examples() throws IOException {
        Path dir = Path.of("../../configs");
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml") && !isSweep(p)).sorted().toList();
        }
    }

    @Test
    void everyExampleLoads() throws IOException {
        List<Path> files = examples();
        assertFalse(files.isEmpty());
        for (Path file : files) {
            assertNotNull(ConfigLoader.load(file, List.of()).config(), file.toString());
        }
    }

    /** Sweep files (configs/sweeps/, with grid: or params:) are checked by the sweep module's ExampleSweepsTest. */
    private static boolean isSweep(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(l -> l.startsWith("grid:") || l.startsWith("params:"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
