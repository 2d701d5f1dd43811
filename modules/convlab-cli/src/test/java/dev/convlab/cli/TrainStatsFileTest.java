package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.core.storage.Persistable;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.api.StatsInitializationReport;
import org.deeplearning4j.ui.model.stats.api.StatsReport;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convlab train --stats FILE}: the run's DL4J stats, in a file that FileStatsStorage (and so the UI) reads. */
class TrainStatsFileTest {
    @TempDir
    Path dir;

    @Test
    void theStatsFileHoldsTheRunsModelAndAReportEveryTenIterations() throws Exception {
        assumeTrue(Files.isDirectory(TrainEndToEndTest.DIGITS), "mnist-10k missing: run scripts/setup-data.sh");
        Path config = dir.resolve("stats.yaml");
        // 270 training images in batches of 32, 3 epochs: 27 iterations (24 if a last partial batch were dropped)
        Files.writeString(config, """
                name: stats
                data: {dataset: mnist-10k, batch_size: 32, max_train_samples: 300}
                model:
                  layers:
                    - conv2d: {filters: 8, kernel_size: 3, activation: relu}
                    - max_pooling2d: {pool_size: 2}
                    - flatten: {}
                    - dense: {units: 10, activation: softmax}
                training: {epochs: 3, optimizer: {type: adam, learning_rate: 0.003}}
                """);
        Path stats = dir.resolve("not-yet/run.dl4j");
        Cli cli = Cli.run("train", config.toString(), "--stats", stats.toString(), "--set",
                "output_dir=" + dir.resolve("runs"));
        assertEquals(0, cli.exit(), cli.toString());
        assertTrue(cli.out().startsWith("training stats: " + stats.toAbsolutePath() + " ("), cli.out());
        assertFalse(cli.out().contains("training UI"), cli.out());

        FileStatsStorage storage = new FileStatsStorage(stats.toFile());
        try {
            List<String> sessions = storage.listSessionIDs();
            assertEquals(1, sessions.size(), sessions.toString());
            String session = sessions.get(0);
            List<String> workers = storage.listWorkerIDsForSessionAndType(session, StatsListener.TYPE_ID);
            assertEquals(1, workers.size(), workers.toString());
            Persistable init = storage.getStaticInfo(session, StatsListener.TYPE_ID, workers.get(0));
            // the summary's parameter count: conv 8x(3x3+1) = 80, dense 13x13x8x10 + 10 = 13,530
            assertEquals(13_610, ((StatsInitializationReport) init).getModelNumParams());

            List<Persistable> updates = storage.getAllUpdatesAfter(session, StatsListener.TYPE_ID, workers.get(0), 0);
            // StatsListener's default: a report every 10 iterations, from iteration 10 on
            assertEquals(List.of(10, 20), updates.stream().map(u -> ((StatsReport) u).getIterationCount()).toList());
            for (Persistable update : updates) {
                double score = ((StatsReport) update).getScore();
                assertTrue(Double.isFinite(score) && score > 0, "score " + score);
            }
        } finally {
            storage.close();
        }
    }
}
