package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running out of memory, for real: a JVM with small limits (256 MB heap, JavaCPP's process limit at 1.2 GB) trains a
 * network whose batch needs about 4 GB. convlab must stop with one line naming the batch size, the estimate and the
 * limits, exit 1, and record the run as out_of_memory; no JVM crash.
 */
class OutOfMemoryInFreshJvmTest {
    @TempDir
    Path dir;

    @Test
    void aTooLargeBatchStopsWithOneClearLine() throws Exception {
        Path data = ForkedCli.randomMnist(dir.resolve("mnist"), 2100, 20);
        Path config = dir.resolve("too-big.yaml");
        Files.writeString(config, """
                name: too-big
                data: {dataset: mnist, path: %s, batch_size: 2048, validation_split: 0.0}
                model:
                  layers:
                    - conv2d: {filters: 64, kernel_size: 3, padding: same, activation: relu}
                    - conv2d: {filters: 64, kernel_size: 3, padding: same, activation: relu}
                    - max_pooling2d: {pool_size: 2}
                    - flatten: {}
                    - dense: {units: 10, activation: softmax}
                training: {epochs: 1, optimizer: {type: adam}}
                """.formatted(data));

        ForkedCli cli = ForkedCli.run(dir, List.of("-Xmx256m", "-Dorg.bytedeco.javacpp.maxbytes=256m",
                        "-Dorg.bytedeco.javacpp.maxphysicalbytes=1200m"),
                "train", config.toString(), "--set", "output_dir=" + dir.resolve("runs"));

        assertEquals(ExitCode.FAILURE, cli.exit(), cli.toString());
        List<String> lines = cli.err().lines().filter(l -> l.contains("out of memory")).toList();
        assertEquals(1, lines.size(), cli.toString());
        String line = lines.get(0);
        assertTrue(line.startsWith("out of memory: training at batch size 2048 needs about "), line);
        for (String part : List.of("GB by convlab's estimate", "heap 256.00 MB", "maxbytes 256.00 MB",
                "maxphysicalbytes 1.17 GB", "Lower data.batch_size", "CONVLAB_OFFHEAP", "CONVLAB_HEAP")) {
            assertTrue(line.contains(part), part + " missing in: " + line);
        }
        // one line, not a stack trace or a crash report
        assertFalse(cli.err().contains("\tat "), cli.toString());
        assertFalse(cli.err().contains("Exception in thread"), cli.toString());
        assertFalse(cli.out().contains("A fatal error has been detected"), cli.toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList());
        }

        Path run;
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }
        assertTrue(line.contains("run: " + run), line);
        JsonNode manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
        assertEquals("out_of_memory", manifest.get("status").asText(), manifest.toString());
        assertTrue(manifest.has("finished"), manifest.toString());
    }
}
