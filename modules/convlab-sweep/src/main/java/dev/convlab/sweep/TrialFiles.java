package dev.convlab.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The files of a trial's folder. */
final class TrialFiles {
    static final String CONFIG = "config.yaml";
    static final String TRIAL = "trial.json";
    static final String RESULT = "result.json";
    static final String SCORE = "score.json";
    static final String LOG = "trial.log";

    private TrialFiles() {
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
