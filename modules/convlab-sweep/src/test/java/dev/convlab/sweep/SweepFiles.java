package dev.convlab.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's layout in a temporary folder: real run configs in it, a sweep file in sweeps/ beside them. */
final class SweepFiles {
    static final Path CONFIGS = Path.of("../../configs");

    private SweepFiles() {
    }

    /** Copies configs/mnist-cnn.yaml and configs/sweeps/base-dropout.yaml into dir, writes dir/sweeps/sweep.yaml. */
    static Path write(Path dir, String sweepYaml) {
        try {
            Files.copy(CONFIGS.resolve("mnist-cnn.yaml"), dir.resolve("mnist-cnn.yaml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(dir.resolve("sweeps"));
            Files.copy(CONFIGS.resolve("sweeps/base-dropout.yaml"), dir.resolve("sweeps/base-dropout.yaml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Path sweep = dir.resolve("sweeps/sweep.yaml");
            Files.writeString(sweep, sweepYaml);
            return sweep;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
