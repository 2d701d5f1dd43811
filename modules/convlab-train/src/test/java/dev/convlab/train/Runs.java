package dev.convlab.train;

import dev.convlab.config.yaml.ConfigLoader;
import dev.convlab.config.yaml.LoadedConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Small real training runs for the checkpoint tests: in-process, output captured, run directories found. */
final class Runs {
    private Runs() {
    }

    /** What a run printed, and its directory; {@code stopped} is set when it ended with exit code 3. */
    record Outcome(Path dir, String out, TrainingStopped stopped) {
    }

    static Outcome train(String yaml, Path outputDir, long stopAt, String... overrides) throws IOException {
        LoadedConfig loaded = ConfigLoader.load(yaml.replace("OUTPUT_DIR", outputDir.toString()), "test.yaml",
                List.of(overrides));
        StringWriter text = new StringWriter();
        TrainRun run = new TrainRun(loaded, new PrintWriter(text, true), false).stopAt(stopAt);
        return finish(run, text, outputDir);
    }

    static Outcome resume(Path dir, boolean force, long stopAt, String... overrides) {
        LoadedConfig loaded = ConfigLoader.load(dir.resolve("config.yaml"), List.of(overrides));
        StringWriter text = new StringWriter();
        TrainRun run = TrainRun.resume(dir, loaded, force, new PrintWriter(text, true), false).stopAt(stopAt);
        return finish(run, text, dir.getParent());
    }

    private static Outcome finish(TrainRun run, StringWriter text, Path outputDir) {
        try {
            TrainRun.Result result = run.run();
            return new Outcome(result.directory().path(), text.toString(), null);
        } catch (TrainingStopped e) {
            return new Outcome(newest(outputDir), text + "\nstopped: " + e.getMessage(), e);
        }
    }

    static Path newest(Path outputDir) {
        try (Stream<Path> dirs = Files.list(outputDir)) {
            return dirs.filter(Files::isDirectory).max(java.util.Comparator.comparing(p -> {
                try {
                    return Files.getLastModifiedTime(p.resolve("manifest.json"));
                } catch (IOException e) {
                    return java.nio.file.attribute.FileTime.fromMillis(0);
                }
            })).orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static MultiLayerNetwork model(Path file) {
        return ModelBundle.load(file).network();
    }
}
