package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** `convlab check` on every example config, and the summaries the tutorials expect. */
class CheckCommandTest {
    static final Path CONFIGS = Path.of("../../configs");

    @Test
    void everyExampleConfigChecks() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CONFIGS)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") && !isSweep(p)).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            Cli cli = Cli.run("check", file.toString());
            if (Files.readString(file).contains("\n  base:") && cli.err().contains("no such model file")) {
                // a transfer config names a model that its walkthrough trains first (QuickWalkthroughsTest runs
                // it with its base); without the base, check stops at model.base.from
                assertEquals(2, cli.exit(), file + "\n" + cli);
                assertTrue(cli.err().contains("model.base.from"), cli.toString());
                continue;
            }
            assertEquals(0, cli.exit(), file + "\n" + cli);
            assertTrue(cli.out().contains(file + ": OK"), cli.toString());
        }
    }

    @Test
    void vgg16HasKerassParameterCountAndBlockShapes() {
        Cli cli = Cli.run("check", CONFIGS.resolve("vgg16.yaml").toString());
        assertEquals(0, cli.exit(), cli.toString());
        assertTrue(cli.out().contains("Total params: 138,357,544"), cli.out());
        assertTrue(cli.out().matches("(?s).*block1_conv1 \\(Conv2D\\)\\s+\\(None, 224, 224, 64\\).*"), cli.out());
        assertTrue(cli.out().matches("(?s).*block5_pool \\(MaxPooling2D\\)\\s+\\(None, 7, 7, 512\\).*"), cli.out());
        assertTrue(cli.out().matches("(?s).*predictions \\(Dense\\)\\s+\\(None, 1000\\)\\s+4,097,000.*"), cli.out());
        assertTrue(cli.out().contains("Memory estimate, batch size 8"), cli.out());
    }

    @Test
    void mnistTutorialNetworkHasTheTutorialsShapes() {
        Cli cli = Cli.run("check", CONFIGS.resolve("mnist-cnn.yaml").toString());
        assertEquals(0, cli.exit(), cli.toString());
        assertTrue(cli.out().matches("(?s).*conv2d \\(Conv2D\\)\\s+\\(None, 26, 26, 8\\)\\s+80\n.*"), cli.out());
        assertTrue(cli.out().matches("(?s).*max_pooling2d \\(MaxPooling2D\\)\\s+\\(None, 13, 13, 8\\)\\s+0\n.*"),
                cli.out());
        assertTrue(cli.out().matches("(?s).*dense \\(Dense\\)\\s+\\(None, 10\\)\\s+13,530\n.*"), cli.out());
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
