package dev.convlab.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * keras_preprocessing's apply_transform on a PNG, through the data module's keras_oracle.py and /usr/bin/python3
 * (Debian's python3-keras-preprocessing and python3-scipy; scripts/setup-data.sh installs them). Skips the test,
 * saying why, when they are missing.
 */
final class KerasReference {
    static final String PYTHON = "/usr/bin/python3";
    static final Path SCRIPT = Path.of("../convlab-data/src/test/python/keras_oracle.py").toAbsolutePath().normalize();
    private static Boolean available;

    private KerasReference() {
    }

    static synchronized void assumeInstalled() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder(PYTHON, "-c", "import keras_preprocessing.image, scipy.ndimage, PIL")
                        .redirectErrorStream(true).start();
                available = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.isRegularFile(SCRIPT);
            } catch (IOException e) {
                available = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                available = false;
            }
        }
        assumeTrue(available, "the Keras reference is not installed: " + PYTHON + " cannot import"
                + " keras_preprocessing and scipy (apt-get install python3-keras-preprocessing python3-scipy;"
                + " scripts/setup-data.sh does it)");
    }

    /** Keras's float output (HWC order, as the file's pixels) for each JSON case on the PNG. */
    static List<float[]> apply(Path png, List<String> casesJson, int values, Path dir)
            throws IOException, InterruptedException {
        Path cases = dir.resolve("cases.json");
        Path out = dir.resolve("keras.f32");
        Files.writeString(cases, "[" + String.join(",\n", casesJson) + "]");
        Process p = new ProcessBuilder(PYTHON, SCRIPT.toString(), "png", png.toString(), cases.toString(),
                out.toString()).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keras_oracle.py failed:\n" + printed);
        }
        ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        List<float[]> results = new ArrayList<>();
        for (int k = 0; k < casesJson.size(); k++) {
            float[] one = new float[values];
            for (int i = 0; i < values; i++) {
                one[i] = data.getFloat();
            }
            results.add(one);
        }
        return results;
    }
}
