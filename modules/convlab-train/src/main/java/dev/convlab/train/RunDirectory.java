package dev.convlab.train;

import dev.convlab.config.BadInput;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code runs/<name>-<yyyyMMdd-HHmmss>/}: one folder per run, never reused, so a new run cannot overwrite an old
 * one's files.
 */
public record RunDirectory(Path path) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    public static RunDirectory create(Path outputDir, String name, LocalDateTime now) {
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new BadInput(outputDir.toString(), "cannot create the output folder: " + e.getMessage(),
                    "set output_dir to a writable folder");
        }
        String base = name + "-" + STAMP.format(now);
        for (int i = 0; i < 1000; i++) {
            Path candidate = outputDir.resolve(i == 0 ? base : base + "-" + i);
            try {
                Files.createDirectory(candidate);
                return new RunDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                // two runs started in the same second: take the next suffix
            } catch (IOException e) {
                throw new BadInput(candidate.toString(), "cannot create the run folder: " + e.getMessage(),
                        "set output_dir to a writable folder");
            }
        }
        throw new BadInput(outputDir.toString(), "too many runs named " + base, "clean up the output folder");
    }

    /** A run directory at exactly {@code path}, which must not exist yet or be empty. */
    public static RunDirectory at(Path path) {
        try {
            Files.createDirectories(path);
            try (var entries = Files.list(path)) {
                if (entries.findAny().isPresent()) {
                    throw new BadInput(path.toString(), "is not empty", "give a new folder for the run");
                }
            }
        } catch (IOException e) {
            throw new BadInput(path.toString(), "cannot create the run folder: " + e.getMessage(),
                    "give a writable folder");
        }
        return new RunDirectory(path);
    }

    /** The status its manifest.json records (running, completed, interrupted, ...), or null when unreadable. */
    public String status() {
        try {
            return Json.read(Files.readString(manifest())).get("status") instanceof String s ? s : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    public Path config() {
        return path.resolve("config.yaml");
    }

    public Path manifest() {
        return path.resolve("manifest.json");
    }

    public Path history() {
        return path.resolve("history.csv");
    }

    public Path model() {
        return path.resolve("model.zip");
    }

    public Path evaluation() {
        return path.resolve("evaluation.json");
    }

    public Path evaluationText() {
        return path.resolve("evaluation.txt");
    }

    public Path summary() {
        return path.resolve("summary.txt");
    }
}
