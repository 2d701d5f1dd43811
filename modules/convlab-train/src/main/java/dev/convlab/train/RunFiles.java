package dev.convlab.train;

import dev.convlab.config.BadInput;
import dev.convlab.report.EpochPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The text files of a run directory that the report shows, read without ND4J: the manifest (required: it is what
 * makes a folder a run directory), config, summary, history and, when the run got that far, its evaluation.
 *
 * @param evaluation null when the run has no evaluation.json
 */
record RunFiles(Path dir, Map<String, Object> manifest, String configYaml, String summaryText,
                List<EpochPoint> history, EvaluationFile evaluation) {

    static RunFiles read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInput(dir.toString(), Files.exists(dir) ? "is not a folder" : "no such run directory",
                    "give a run directory written by convlab train (runs/<name>-<time>)");
        }
        RunDirectory run = new RunDirectory(dir);
        if (!Files.isRegularFile(run.manifest())) {
            throw new BadInput(dir.toString(), "is not a run directory: it has no manifest.json",
                    "give a run directory written by convlab train (runs/<name>-<time>)");
        }
        Map<String, Object> manifest;
        try {
            manifest = Json.read(Files.readString(run.manifest()));
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInput(run.manifest().toString(), "cannot be read: " + e.getMessage(),
                    "manifest.json is written by convlab train; restore it");
        }
        return new RunFiles(dir, manifest, text(run.config()), text(run.summary()), HistoryFile.read(run.history()),
                EvaluationFile.read(run.evaluation()));
    }

    /** The file's text, or empty when it does not exist (the report says "(none)"). */
    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new BadInput(file.toString(), "cannot be read: " + e.getMessage(), "check the file");
        }
    }

    String title() {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }

    String status() {
        return manifest.get("status") instanceof String s ? s : "unknown";
    }
}
