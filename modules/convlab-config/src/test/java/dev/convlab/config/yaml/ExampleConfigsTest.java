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
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
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
}
