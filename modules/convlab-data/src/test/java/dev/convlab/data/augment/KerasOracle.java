package dev.convlab.data.augment;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.convlab.config.FillMode;
import dev.convlab.config.schema.Names;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * keras_preprocessing 1.1.0 (Debian's python3-keras-preprocessing with python3-scipy, which scripts/setup-data.sh
 * installs) run through src/test/python/keras_oracle.py: the reference the parity tests compare with. Tests that
 * need it are skipped, saying why, when /usr/bin/python3 cannot import it.
 */
final class KerasOracle {
    static final String PYTHON = "/usr/bin/python3";
    static final Path SCRIPT = Path.of("src/test/python/keras_oracle.py").toAbsolutePath();
    private static Boolean available;
    private static String versions = "";

    /** One apply_transform call: the parameters and the generator's fill_mode and cval. */
    record Case(KerasTransform t, FillMode mode, double cval) {
        String json() {
            KerasTransform k = t;
            return String.format(Locale.ROOT, "{\"theta\": %s, \"tx\": %s, \"ty\": %s, \"shear\": %s, \"zx\": %s,"
                            + " \"zy\": %s, \"flip_horizontal\": %s, \"flip_vertical\": %s,"
                            + " \"channel_shift_intensity\": %s, \"brightness\": %s, \"fill_mode\": \"%s\", \"cval\": %s}",
                    num(k.theta()), num(k.tx()), num(k.ty()), num(k.shear()), num(k.zx()), num(k.zy()),
                    k.flipHorizontal(), k.flipVertical(),
                    k.channelShiftIntensity() == null ? "null" : num(k.channelShiftIntensity()),
                    k.brightness() == null ? "null" : num(k.brightness()), Names.of(mode), num(cval));
        }

        private static String num(double v) {
            return Double.toString(v); // shortest repr that reads back to the same double, as Python's
        }
    }

    private KerasOracle() {
    }

    /** Skips the calling test (with the reason) when the reference is not installed. */
    static synchronized void assumeInstalled() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder(PYTHON, "-c", "import keras_preprocessing.image, scipy.ndimage, PIL")
                        .redirectErrorStream(true).start();
                available = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
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

    static String versions() {
        return versions;
    }

    /** Keras's output for each case, as CHW floats, for a CHW input. */
    static List<float[]> apply(float[] chw, int channels, int height, int width, List<Case> cases, Path dir)
            throws IOException, InterruptedException {
        Path in = dir.resolve("oracle-in.f32");
        ByteBuffer buffer = ByteBuffer.allocate(chw.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        int plane = height * width;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                for (int ch = 0; ch < channels; ch++) {
                    buffer.putFloat(chw[ch * plane + r * width + c]);
                }
            }
        }
        Files.write(in, buffer.array());
        return run(dir, cases, channels, height, width, "array", in.toString(), Integer.toString(height),
                Integer.toString(width), Integer.toString(channels));
    }

    /** Keras's output for each case on an 8-bit PNG read by PIL, as CHW floats. */
    static List<float[]> applyPng(Path png, int channels, int height, int width, List<Case> cases, Path dir)
            throws IOException, InterruptedException {
        return run(dir, cases, channels, height, width, "png", png.toString());
    }

    private static List<float[]> run(Path dir, List<Case> cases, int channels, int height, int width,
                                     String... input) throws IOException, InterruptedException {
        Path casesFile = dir.resolve("oracle-cases.json");
        Path out = dir.resolve("oracle-out.f32");
        List<String> json = new ArrayList<>();
        cases.forEach(c -> json.add(c.json()));
        Files.writeString(casesFile, "[" + String.join(",\n", json) + "]");
        List<String> command = new ArrayList<>(List.of(PYTHON, SCRIPT.toString()));
        command.addAll(List.of(input));
        command.add(casesFile.toString());
        command.add(out.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keras_oracle.py failed:\n" + printed);
        }
        versions = printed.lines().findFirst().orElse("");
        ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        int plane = height * width;
        List<float[]> results = new ArrayList<>();
        for (int k = 0; k < cases.size(); k++) {
            float[] chw = new float[channels * plane];
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    for (int ch = 0; ch < channels; ch++) {
                        chw[ch * plane + r * width + c] = data.getFloat();
                    }
                }
            }
            results.add(chw);
        }
        if (data.hasRemaining()) {
            throw new IllegalStateException("keras_oracle.py wrote more than " + cases.size() + " images of "
                    + height + "x" + width + "x" + channels);
        }
        return results;
    }
}
