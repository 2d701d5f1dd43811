package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint side of the CLI: any checkpoint loads in evaluate and predict (full or weights-only), and the
 * mistakes people make with --resume are one error line with exit code 2, without starting anything.
 */
class CheckpointCommandsTest {
    @TempDir
    static Path dir;
    static Path run;
    static Cli train;

    @BeforeAll
    static void trainOnce() throws IOException {
        Path config = dir.resolve("ck.yaml");
        Files.writeString(config, """
                name: ck
                data: {dataset: mnist-10k, batch_size: 32, max_train_samples: 400, max_test_samples: 100}
                model:
                  layers:
                    - conv2d: {filters: 4, kernel_size: 3, activation: relu}
                    - max_pooling2d: {pool_size: 2}
                    - flatten: {}
                    - dense: {units: 10, activation: softmax}
                training:
                  epochs: 2
                  optimizer: {type: adam, learning_rate: 0.003}
                  callbacks:
                    model_checkpoint: {filepath: "checkpoints/full-{epoch:02d}.zip"}
                """);
        train = Cli.run("train", config.toString(), "--set", "output_dir=" + dir.resolve("runs"),
                "--set", "training.callbacks.csv_logger={filename: log.csv}");
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }
    }

    @Test
    void everyCheckpointLoadsInEvaluateAndPredict() throws IOException {
        assertEquals(0, train.exit(), train.toString());
        Cli evaluate = Cli.run("evaluate", run.resolve("checkpoints/full-01.zip").toString());
        assertEquals(0, evaluate.exit(), evaluate.toString());
        assertTrue(evaluate.out().contains("on 100 images"), evaluate.out());
        Path digit = dir.resolve("digit.png");
        Cli export = Cli.run("data", "export", "mnist-10k", "--to", dir.resolve("export").toString());
        assertEquals(0, export.exit(), export.toString());
        try (Stream<Path> pngs = Files.walk(dir.resolve("export/test"))) {
            Files.copy(pngs.filter(p -> p.toString().endsWith(".png")).findFirst().orElseThrow(), digit);
        }
        Cli predict = Cli.run("predict", run.resolve("checkpoints/full-02.zip").toString(), digit.toString());
        assertEquals(0, predict.exit(), predict.toString());
    }

    @Test
    void aCompletedRunHasNothingToResume() {
        Cli resume = Cli.run("train", "--resume", run.toString());
        assertEquals(2, resume.exit(), resume.toString());
        assertTrue(resume.err().startsWith("error: ") && resume.err().contains("the run completed"), resume.err());
        assertTrue(!resume.err().contains("\tat "), "no stack trace: " + resume.err());
    }

    @Test
    void resumeMistakesAreOneLineWithExitCode2() throws IOException {
        Cli missing = Cli.run("train", "--resume", dir.resolve("no-such-run").toString());
        assertEquals(2, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("no such run directory"), missing.err());
        Cli forceAlone = Cli.run("train", dir.resolve("ck.yaml").toString(), "--force");
        assertEquals(2, forceAlone.exit(), forceAlone.toString());
        Cli nothing = Cli.run("train");
        assertEquals(2, nothing.exit(), nothing.toString());
        Path notARun = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(notARun.resolve("config.yaml"), Files.readString(dir.resolve("ck.yaml")));
        Cli plain = Cli.run("train", "--resume", notARun.toString());
        assertEquals(2, plain.exit(), plain.toString());
        assertTrue(plain.err().contains("checkpoints.json") || plain.err().contains("no checkpoint"), plain.err());
    }

    @Test
    void anUnknownMonitorFailsAtStartUpListingTheMetrics() throws IOException {
        Cli typo = Cli.run("train", dir.resolve("ck.yaml").toString(), "--set", "output_dir=" + dir.resolve("typo"),
                "--set", "training.callbacks.early_stopping={monitor: val_acc}");
        assertEquals(2, typo.exit(), typo.toString());
        assertTrue(typo.err().contains("training.callbacks.early_stopping.monitor")
                && typo.err().contains("val_accuracy"), typo.err());
        assertTrue(Files.notExists(dir.resolve("typo")) || isEmpty(dir.resolve("typo")),
                "nothing is written before the check");
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.findAny().isEmpty();
        }
    }
}
