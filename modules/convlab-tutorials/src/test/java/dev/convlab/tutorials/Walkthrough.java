package dev.convlab.tutorials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code scripts/tutorial NAME --quick --out DIR} in its own process, as a reader runs it: the exit code,
 * everything it printed, and its output folder.
 */
record Walkthrough(String name, int exit, String output, Path dir, Duration took) {
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    /** Runs the walkthrough; {@code cache} is CONVLAB_TUTORIAL_CACHE (exported datasets); {@code options} follow. */
    static Walkthrough runQuick(String name, Path out, Path cache, Duration limit, String... options)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", ROOT.resolve("scripts/tutorial").toString(), name, "--quick",
                "--out", out.toString()));
        cmd.addAll(List.of(options));
        Path log = Files.createTempFile(cache, name, ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("CONVLAB_TUTORIAL_CACHE", cache.toString());
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("scripts/tutorial " + name + " --quick did not finish in " + limit + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Walkthrough(name, p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), out, took);
    }

    JsonNode json(String file) throws IOException {
        return new ObjectMapper().readTree(dir.resolve(file).toFile());
    }

    String read(String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }

    /** For assertion messages: the last part of what it printed. */
    @Override
    public String toString() {
        String tail = output.length() > 6000 ? "..." + output.substring(output.length() - 6000) : output;
        return "scripts/tutorial " + name + " --quick: exit " + exit + " after " + took.toSeconds() + " s\n" + tail;
    }
}
