package dev.convlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real runs with early_stopping on val_accuracy and restore_best_weights: the model the run ends with has the
 * weights of the epoch with the highest validation accuracy (the first to reach it), checked against that epoch's
 * own checkpoint, both when early stopping fires and when the epochs run out; and NaN stops a run with exit code 3
 * keeping the last good checkpoint.
 */
class EarlyStoppingRunTest {
    private static final String CONFIG = """
            name: early
            seed: 5
            output_dir: OUTPUT_DIR
            data: {dataset: mnist-10k, validation_split: 0.2, batch_size: 32, max_train_samples: 600, max_test_samples: 100}
            model:
              layers:
                - conv2d: {filters: 4, kernel_size: 3, activation: relu}
                - max_pooling2d: {pool_size: 2}
                - flatten: {}
                - dense: {units: 10, activation: softmax}
            training:
              epochs: EPOCHS
              optimizer: {type: adam, learning_rate: 0.02}
              callbacks:
                model_checkpoint: {filepath: "checkpoints/e{epoch:02d}.zip", save_weights_only: true}
                early_stopping: {monitor: val_accuracy, patience: PATIENCE, restore_best_weights: true}
            """;
    @TempDir
    Path work;

    @Test
    void stoppedEarlyKeepsTheBestEpochsWeights() throws IOException {
        Runs.Outcome run = Runs.train(CONFIG.replace("EPOCHS", "15").replace("PATIENCE", "1"), work, 0);
        assertNull(run.stopped(), run.out());
        int epochs = Files.readAllLines(run.dir().resolve("history.csv")).size() - 1;
        assertTrue(epochs < 15, "early stopping should have fired: " + run.out());
        assertTrue(run.out().contains("early stopping"), run.out());
        assertBestWeights(run.dir());
    }

    @Test
    void epochsRunningOutAlsoRestoresTheBest() throws IOException {
        Runs.Outcome run = Runs.train(CONFIG.replace("EPOCHS", "6").replace("PATIENCE", "100"), work, 0);
        assertEquals(7, Files.readAllLines(run.dir().resolve("history.csv")).size());
        assertBestWeights(run.dir());
    }

    private static void assertBestWeights(Path dir) throws IOException {
        List<String> rows = Files.readAllLines(dir.resolve("history.csv"));
        int best = 0;
        double bestAccuracy = -1;
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            double accuracy = Double.parseDouble(cells[4]);
            if (accuracy > bestAccuracy) {
                bestAccuracy = accuracy;
                best = Integer.parseInt(cells[0]);
            }
        }
        Path checkpoint = dir.resolve(String.format("checkpoints/e%02d.zip", best));
        assertArrayEquals(Runs.model(checkpoint).params().data().asFloat(),
                Runs.model(dir.resolve("model.zip")).params().data().asFloat(), 0f,
                "model.zip should hold epoch " + best + "'s weights (val_accuracy " + bestAccuracy + ")");
    }

    @Test
    void aLearningRateOf1e6StopsTheRunOnNanAndKeepsTheLastGoodCheckpoint() throws IOException {
        // the tutorial's MNIST network (linear convolution) with SGD: the weights overflow within a few steps
        String config = """
                name: nan
                output_dir: OUTPUT_DIR
                data: {dataset: mnist-10k, batch_size: 32, max_train_samples: 640, max_test_samples: 100}
                model:
                  layers:
                    - conv2d: {filters: 8, kernel_size: 3}
                    - max_pooling2d: {pool_size: 2}
                    - flatten: {}
                    - dense: {units: 10, activation: softmax}
                training:
                  epochs: 2
                  optimizer: {type: sgd, learning_rate: 1.0e6, momentum: 0.9}
                  callbacks:
                    backup_and_restore: {save_freq: 1}
                """;
        Runs.Outcome run = Runs.train(config, work, 0);
        assertNotNull(run.stopped(), "the run should have diverged: " + run.out());
        assertEquals("diverged", run.stopped().status());
        String message = run.stopped().getMessage();
        assertTrue(message.matches("(?s)diverged: the loss became (NaN|-?Infinity) at epoch 1, batch \\d+ \\(iteration \\d+\\).*"),
                message);
        long diverged = Long.parseLong(message.replaceAll("(?s).*\\(iteration (\\d+)\\).*", "$1"));
        CheckpointLedger ledger = CheckpointLedger.read(run.dir());
        List<CheckpointLedger.Entry> intact = ledger.intactResumable(w -> { });
        assertEquals(ledger.entries().size(), intact.size(), "every checkpoint kept is whole");
        assertTrue(!intact.isEmpty() && intact.get(0).iteration() == diverged - 1,
                "the newest checkpoint is the one before the NaN: " + intact);
        assertTrue(message.contains("the last good checkpoint " + intact.get(0).file() + " is kept"), message);
        assertTrue(Files.readString(run.dir().resolve("manifest.json")).contains("\"status\" : \"diverged\""));
    }
}
