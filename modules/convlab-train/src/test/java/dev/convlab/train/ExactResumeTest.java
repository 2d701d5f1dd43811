package dev.convlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.BadInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run interrupted and resumed ends bit for bit where the same run uninterrupted ends: parameters, optimizer
 * state, every epoch's metrics (the resumed epoch's too) and the CSV log. The config has what carries state across
 * a checkpoint: dropout (ND4J's random generator), Adam (its moments and step count), shuffled and augmented
 * batches (the data order), ReduceLROnPlateau (counters and the learning rate), EarlyStopping (patience and best
 * score), csv_logger. Interruptions: mid-epoch, on an epoch's last batch, and at an epoch's end; then resumes from
 * an older backup when the newest one is damaged (truncated, garbage), which must also end bit for bit the same.
 *
 * <p>Exactness holds for one native variant and thread count (all runs here share the JVM); the facts say
 * other variants round differently.
 */
class ExactResumeTest {
    static final String CONFIG = """
            name: exact
            seed: 11
            output_dir: OUTPUT_DIR
            data:
              dataset: mnist-10k
              validation_split: 0.2
              batch_size: 32
              max_train_samples: 800
              max_test_samples: 200
              augmentation: {rotation_range: 10, width_shift_range: 0.1}
            model:
              layers:
                - conv2d: {filters: 4, kernel_size: 3, activation: relu}
                - max_pooling2d: {pool_size: 2}
                - flatten: {}
                - dropout: {rate: 0.3}
                - dense: {units: 10, activation: softmax}
            training:
              epochs: 3
              optimizer: {type: adam, learning_rate: 0.003}
              callbacks:
                reduce_lr_on_plateau: {monitor: val_accuracy, patience: 1, factor: 0.5, min_delta: 0.5}
                early_stopping: {monitor: val_loss, patience: 5}
                csv_logger: {filename: log.csv}
                backup_and_restore: {delete_checkpoint: false}
            """;
    // 640 training images in batches of 32: 20 batches an epoch
    @TempDir
    static Path work;
    static Runs.Outcome uninterrupted;

    @BeforeAll
    static void trainOnce() throws IOException {
        uninterrupted = Runs.train(CONFIG, work.resolve("a"), 0);
        assertNull(uninterrupted.stopped(), uninterrupted.out());
    }

    @Test
    void resumedMidEpochEndsBitForBitEqual() throws IOException {
        Runs.Outcome stopped = Runs.train(CONFIG, work.resolve("mid"), 25);
        assertNotNull(stopped.stopped(), "the run should have stopped at iteration 25");
        assertEquals("interrupted", stopped.stopped().status());
        assertTrue(stopped.stopped().getMessage().contains("epoch 2, batch 5"), stopped.stopped().getMessage());
        Runs.Outcome resumed = Runs.resume(stopped.dir(), false, 0);
        assertTrue(resumed.out().contains("from checkpoint checkpoints/backup-epoch0002-batch000005.zip"),
                resumed.out());
        assertSameRun(uninterrupted.dir(), resumed.dir());
    }

    @Test
    void resumedAfterTheLastBatchOfAnEpochEndsBitForBitEqual() throws IOException {
        Runs.Outcome stopped = Runs.train(CONFIG, work.resolve("last-batch"), 40);
        assertTrue(stopped.stopped().getMessage().contains("epoch 2, batch 20"), stopped.stopped().getMessage());
        assertSameRun(uninterrupted.dir(), Runs.resume(stopped.dir(), false, 0).dir());
    }

    @Test
    void resumedTwiceEndsBitForBitEqual() throws IOException {
        Runs.Outcome first = Runs.train(CONFIG, work.resolve("twice"), 7);
        Runs.Outcome second = Runs.resume(first.dir(), false, 33);
        assertNotNull(second.stopped(), second.out());
        assertSameRun(uninterrupted.dir(), Runs.resume(second.dir(), false, 0).dir());
    }

    @Test
    void aDamagedNewestBackupIsSkippedWithAWarningAndTheOlderOneGivesTheSameResult() throws IOException {
        for (String damage : List.of("truncated", "garbage")) {
            Runs.Outcome stopped = Runs.train(CONFIG, work.resolve("damaged-" + damage), 30);
            Path newest = stopped.dir().resolve("checkpoints/backup-epoch0002-batch000010.zip");
            byte[] bytes = Files.readAllBytes(newest);
            if (damage.equals("truncated")) {
                Files.write(newest, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            } else {
                byte[] noise = new byte[bytes.length];
                new Random(3).nextBytes(noise);
                Files.write(newest, noise);
            }
            Runs.Outcome resumed = Runs.resume(stopped.dir(), false, 0);
            assertTrue(resumed.out().contains("warning: skipping checkpoint checkpoints/backup-epoch0002-batch000010.zip"),
                    damage + ": " + resumed.out());
            assertTrue(resumed.out().contains("from checkpoint checkpoints/backup-epoch0001.zip"), resumed.out());
            assertSameRun(uninterrupted.dir(), resumed.dir());
        }
    }

    @Test
    void withEveryCheckpointDamagedResumeFailsAndStartsNothing() throws IOException {
        Runs.Outcome stopped = Runs.train(CONFIG, work.resolve("all-bad"), 30);
        Path checkpoints = stopped.dir().resolve("checkpoints");
        try (var files = Files.list(checkpoints)) {
            for (Path f : files.toList()) {
                Files.write(f, new byte[] {1, 2, 3});
            }
        }
        String historyBefore = Files.readString(stopped.dir().resolve("history.csv"));
        BadInput error = assertThrows(BadInput.class, () -> Runs.resume(stopped.dir(), false, 0));
        assertTrue(error.oneLine().contains("no intact checkpoint"), error.oneLine());
        assertEquals(historyBefore, Files.readString(stopped.dir().resolve("history.csv")));
        assertTrue(Files.notExists(stopped.dir().resolve("model.zip")));
    }

    @Test
    void aChangedConfigIsRefusedWithTheDifferenceUnlessForced() throws IOException {
        Runs.Outcome stopped = Runs.train(CONFIG, work.resolve("changed"), 10);
        BadInput refused = assertThrows(BadInput.class,
                () -> Runs.resume(stopped.dir(), false, 0, "training.epochs=4"));
        assertTrue(refused.getMessage().matches("(?s).*\\n  -\\s+epochs: 3\\n  \\+\\s+epochs: 4\\n.*"),
                refused.getMessage());
        Runs.Outcome forced = Runs.resume(stopped.dir(), true, 0, "training.epochs=4");
        assertNull(forced.stopped(), forced.out());
        assertEquals(5, Files.readAllLines(forced.dir().resolve("history.csv")).size(), "header and 4 epochs");
    }

    /** Same parameters, optimizer state, metrics and CSV log; only the seconds may differ. */
    static void assertSameRun(Path expected, Path actual) throws IOException {
        MultiLayerNetwork a = Runs.model(expected.resolve("model.zip"));
        MultiLayerNetwork b = Runs.model(actual.resolve("model.zip"));
        assertArrayEquals(a.params().data().asFloat(), b.params().data().asFloat(), 0f, "parameters");
        assertArrayEquals(a.getUpdater().getStateViewArray().data().asFloat(),
                b.getUpdater().getStateViewArray().data().asFloat(), 0f, "Adam's moments");
        assertEquals(withoutSeconds(expected.resolve("history.csv")), withoutSeconds(actual.resolve("history.csv")));
        assertEquals(Files.readString(expected.resolve("log.csv")), Files.readString(actual.resolve("log.csv")));
        assertEquals(a.getIterationCount(), b.getIterationCount(), "iterations");
    }

    private static List<String> withoutSeconds(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }
}
