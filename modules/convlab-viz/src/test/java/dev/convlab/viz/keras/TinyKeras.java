package dev.convlab.viz.keras;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The tiny Keras files of src/test/resources/keras/tiny_keras_h5.py, written by /usr/bin/python3 with h5py and numpy
 * (Debian's python3-h5py; scripts/setup-data.sh installs it), once per JVM and string storage, with the reference
 * outputs of its numpy forward pass. Without h5py the tests that need them are skipped, saying why, except under
 * CI=true, where they fail: CI must not pass without having compared.
 */
public final class TinyKeras {
    static final String PYTHON = "/usr/bin/python3";
    /** From this module's folder (surefire's working directory) or from another module's. */
    public static final Path SCRIPT = locate();
    private static Boolean available;
    private static final Map<String, Path> WRITTEN = new HashMap<>();

    private TinyKeras() {
    }

    /** The folder of the files, "fixed" (h5py 2's fixed-length strings) or "vlen" (h5py 3's). */
    public static synchronized Path files(String strings) {
        assumeInstalled();
        return WRITTEN.computeIfAbsent(strings, s -> {
            try {
                Path dir = Files.createTempDirectory("convlab-tiny-keras-" + s);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                Process p = new ProcessBuilder(PYTHON, SCRIPT.toString(), dir.toString(), s)
                        .redirectErrorStream(true).start();
                String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException(SCRIPT + " failed:\n" + printed);
                }
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** reference.json of the files in {@code dir}. */
    public static JsonNode reference(Path dir) {
        try {
            return new ObjectMapper().readTree(dir.resolve("reference.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /** Skips the test, saying why, when h5py is missing (fails it under CI=true). */
    public static synchronized void assumeInstalled() {
        assumeTrue(installed(), PYTHON + " cannot import h5py and numpy, which write the Keras test files"
                + " (apt-get install python3-h5py; scripts/setup-data.sh does it)");
    }

    /**
     * Whether the files can be written, for a test that also runs without them; under CI=true a missing h5py fails
     * the test instead.
     */
    public static synchronized boolean installed() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder(PYTHON, "-c", "import h5py, numpy").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                available = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                available = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                available = false;
            }
        }
        if (!available && "true".equals(System.getenv("CI"))) {
            fail(PYTHON + " cannot import h5py and numpy, which write the Keras test files (apt-get install"
                    + " python3-h5py; scripts/setup-data.sh does it) -- CI=true, so the Keras tests cannot be skipped");
        }
        return available;
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private static Path locate() {
        for (String candidate : new String[] {"src/test/resources/keras/tiny_keras_h5.py",
                "../convlab-viz/src/test/resources/keras/tiny_keras_h5.py"}) {
            Path p = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return Path.of("src/test/resources/keras/tiny_keras_h5.py").toAbsolutePath();
    }
}
