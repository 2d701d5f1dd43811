package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * {@code --threads} is read once, when ND4J starts; this test JVM started ND4J before any test ran, so each case runs
 * convlab in a fresh JVM and reads back what ND4J really uses (BackendFacts: the doctor lines, the run manifest).
 */
class ThreadsInFreshJvmTest {
    @TempDir
    Path dir;

    @Test
    void doctorReportsTheThreadsAskedFor() throws Exception {
        ForkedCli one = ForkedCli.run(dir, List.of(), "doctor", "--threads", "1");
        assertEquals(0, one.exit(), one.toString());
        assertTrue(one.out().lines().anyMatch(l -> l.matches("threads +1 \\(convlab\\.threads\\), BLAS 1 .*")),
                one.toString());

        ForkedCli byDefault = ForkedCli.run(dir, List.of(), "doctor");
        int cores = Runtime.getRuntime().availableProcessors();
        assertTrue(byDefault.out().lines().anyMatch(l -> l.matches("threads +\\d+ \\(default\\).*")),
                byDefault.toString());
        String threads = byDefault.out().lines().filter(l -> l.startsWith("threads")).findFirst().orElseThrow();
        int n = Integer.parseInt(threads.replaceAll("threads +(\\d+).*", "$1"));
        // ND4J's default: one thread per physical core of a socket; never more than the cores the JVM may use
        assertTrue(n >= 1 && n <= cores, threads + " with " + cores + " cores");
        // the fast path's oneDNN does the convolutions; OpenBLAS, left the dense layers, gets one thread
        assertTrue(threads.matches(".*, BLAS 1 .*"), threads);

        ForkedCli blas = ForkedCli.run(dir, List.of("-Dconvlab.blas_threads=2"), "doctor");
        assertTrue(blas.out().lines().anyMatch(l -> l.matches("threads +\\d+ \\(default\\), BLAS 2 .*")),
                blas.toString());
    }

    @Test
    void aThreadCountBelowOneIsBadInput() throws Exception {
        Cli cli = Cli.run("doctor", "--threads", "0");
        assertEquals(ExitCode.BAD_INPUT, cli.exit(), cli.toString());
        assertTrue(cli.err().startsWith("error: --threads: 0 is not a thread count"), cli.err());
    }

    @Test
    void trainRecordsTheThreadsItRanWith() throws Exception {
        Path data = ForkedCli.randomMnist(dir.resolve("mnist"), 64, 16);
        Path config = dir.resolve("tiny.yaml");
        Files.writeString(config, """
                name: tiny
                data: {dataset: mnist, path: %s, batch_size: 32, validation_split: 0.0}
                model:
                  layers:
                    - conv2d: {filters: 4, kernel_size: 3}
                    - flatten: {}
                    - dense: {units: 10, activation: softmax}
                training: {epochs: 1}
                """.formatted(data));
        ForkedCli cli = ForkedCli.run(dir, List.of("-Xmx512m"), "train", config.toString(), "--threads", "1",
                "--set", "output_dir=" + dir.resolve("runs"));
        assertEquals(0, cli.exit(), cli.toString());
        assertTrue(cli.out().contains(", 1 threads"), cli.out());
        Path run;
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }
        JsonNode backend = new ObjectMapper().readTree(run.resolve("manifest.json").toFile()).get("backend");
        assertEquals(1, backend.get("threads").asInt(), backend.toString());
        assertEquals("convlab.threads", backend.get("threads_from").asText(), backend.toString());
        assertEquals(1, backend.get("blas_threads").asInt(), backend.toString());
    }
}
