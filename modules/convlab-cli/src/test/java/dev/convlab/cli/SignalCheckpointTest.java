package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGTERM or SIGINT, sent with kill(1) to a forked training run in the middle of its first epoch, stops it after the
 * batch in progress: exit code 3, a message naming the checkpoint it saved, manifest status "interrupted", that
 * checkpoint listed in checkpoints.json and intact, and {@code --resume} continuing from exactly that checkpoint
 * to the end of the run.
 */
@Tag("slow")
class SignalCheckpointTest {
    /** 1,800 training images: 36 batches of 50 per epoch. */
    private static final int BATCHES_PER_EPOCH = 36;
    private static final List<String> JVM = List.of("-Xmx1g");

    @TempDir
    Path dir;

    @BeforeEach
    void needsTheDigits() {
        assumeTrue(Files.isDirectory(TrainEndToEndTest.DIGITS), "mnist-10k missing: run scripts/setup-data.sh");
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aSignalMidEpochSavesACheckpointThatResumeContinuesFrom(String signal) throws Exception {
        Path config = config("""
                backup_and_restore: {save_freq: 5}
                    model_checkpoint: {filepath: "checkpoints/model-{epoch:02d}.zip"}""");
        Interrupted stop = interrupt(config, signal);

        Ledger ledger = Ledger.read(stop.run());
        assertEquals(List.of(stop.checkpoint()), ledger.newestResumable().stream().map(Ledger.Entry::file).toList(),
                "the checkpoint saved on the signal is the newest one listed");

        try (RunningCli cli = RunningCli.start(dir, JVM, "train", "--resume", stop.run().toString())) {
            assertEquals(0, cli.exit(Duration.ofMinutes(3)), cli.toString());
            assertTrue(cli.out().contains("\nfrom checkpoint " + stop.checkpoint() + " (epoch 0 + " + stop.batch()
                    + " batches, iteration " + stop.iteration() + ")\n"), cli.toString());
            assertFalse(cli.out().contains("warning:"), cli.toString());
        }
        JsonNode manifest = manifest(stop.run());
        assertEquals("completed", manifest.get("status").asText(), manifest.toString());
        JsonNode resumed = manifest.get("resumed");
        assertEquals(1, resumed.size(), manifest.toString());
        assertEquals(stop.checkpoint(), resumed.get(0).get("from").asText());
        List<String> history = Files.readAllLines(stop.run().resolve("history.csv"));
        assertEquals(List.of("1", "2"), history.stream().skip(1).map(l -> l.split(",")[0]).toList(),
                String.join("\n", history));
        Ledger.assertCompleteCheckpoint(stop.run().resolve("model.zip"));
        Ledger.read(stop.run()).assertIntact(stop.run());
    }

    /**
     * A model checkpoint saved after every batch is written just before the signal's backup, at the same iteration:
     * --resume must still continue from the checkpoint the interruption message told the user about.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void resumeContinuesFromTheNamedCheckpointWhenAModelCheckpointHasTheSameIteration() throws Exception {
        Path config = config("""
                backup_and_restore: {save_freq: 5}
                    model_checkpoint: {filepath: "checkpoints/model-{iteration}.zip", save_freq: 1}""");
        Interrupted stop = interrupt(config, "TERM");
        Ledger ledger = Ledger.read(stop.run());
        assertTrue(ledger.find("checkpoints/model-" + stop.iteration() + ".zip").isPresent(), ledger.toString());

        try (RunningCli cli = RunningCli.start(dir, JVM, "train", "--resume", stop.run().toString())) {
            // only where it continues from matters here: stop once training has started
            assertTrue(cli.awaitLine("memory: ", Duration.ofMinutes(2)), cli.toString());
            cli.kill();
            assertTrue(cli.out().contains("\nfrom checkpoint " + stop.checkpoint() + " (epoch 0 + " + stop.batch()
                            + " batches, iteration " + stop.iteration() + ")\n"),
                    "the interruption said: saved " + stop.checkpoint() + "\n" + cli);
        }
    }

    /** What a run stopped by a signal reported and left behind. */
    record Interrupted(Path run, String checkpoint, int batch, long iteration) {
    }

    /**
     * Starts a run, sends the signal once the first backup (after batch 5) is listed, so the run is inside epoch 1,
     * and checks how it stopped.
     */
    private Interrupted interrupt(Path config, String signal) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (signal.equals("INT") && defaultSignalWorks()) {
            // a process started in the background of a non-interactive shell ignores SIGINT, and Java cannot
            // catch an ignored signal: give the JVM the default disposition, as a terminal would (env execs java)
            command.add("env");
            command.add("--default-signal=INT");
        }
        command.addAll(RunningCli.javaCommand(dir, JVM, "train", config.toString(), "--set",
                "output_dir=" + dir.resolve("runs")));
        try (RunningCli cli = RunningCli.start(dir, command)) {
            assertTrue(cli.awaitLine("run: ", Duration.ofMinutes(2)), cli.toString());
            Path run = Path.of(cli.out().lines().filter(l -> l.startsWith("run: ")).findFirst().orElseThrow()
                    .substring(5));
            assertTrue(cli.await(() -> Ledger.readNow(run).entries().stream().anyMatch(e -> e.kind().equals("backup")),
                    Duration.ofMinutes(2), 20), "no backup was listed\n" + cli);
            cli.signal(signal);
            int exit = cli.exit(Duration.ofMinutes(2));

            assertEquals(3, exit, cli.toString());
            assertTrue(cli.err().contains("SIG" + signal + ": saving a checkpoint after this batch, then stopping"),
                    cli.toString());
            Matcher m = Pattern.compile("stopped: interrupted by SIG" + signal + " at epoch 1, batch (\\d+), iteration"
                    + " (\\d+); saved (checkpoints/backup-epoch0001-batch(\\d{6})\\.zip); continue with: convlab train"
                    + " --resume " + Pattern.quote(run.toString()) + "\n").matcher(cli.err());
            assertTrue(m.find(), cli.toString());
            int batch = Integer.parseInt(m.group(1));
            long iteration = Long.parseLong(m.group(2));
            String checkpoint = m.group(3);
            assertEquals(batch, Integer.parseInt(m.group(4)), "the file is named after the batch it was saved at");
            assertEquals(batch, iteration, "in epoch 1 the iteration is the batch");
            assertTrue(batch >= 5 && batch < BATCHES_PER_EPOCH, "stopped mid-epoch: batch " + batch);
            assertFalse(cli.err().contains("\tat "), cli.toString());

            JsonNode manifest = manifest(run);
            assertEquals("interrupted", manifest.get("status").asText(), manifest.toString());
            Ledger ledger = Ledger.read(run);
            Ledger.Entry entry = ledger.find(checkpoint).orElseThrow(
                    () -> new AssertionError(checkpoint + " is not in checkpoints.json: " + ledger));
            assertEquals("backup", entry.kind());
            assertTrue(entry.resumable());
            assertEquals(iteration, entry.iteration());
            ledger.assertIntact(run);
            Ledger.assertFinalZipsComplete(run.resolve("checkpoints"));
            return new Interrupted(run, checkpoint, batch, iteration);
        }
    }

    private Path config(String callbacks) throws IOException {
        Path config = dir.resolve("signal.yaml");
        Files.writeString(config, """
                name: signal
                data: {dataset: mnist-10k, batch_size: 50, max_train_samples: 2000, max_test_samples: 200}
                model:
                  layers:
                    - conv2d: {filters: 4, kernel_size: 3, activation: relu}
                    - max_pooling2d: {pool_size: 2}
                    - flatten: {}
                    - dense: {units: 128, activation: relu}
                    - dense: {units: 10, activation: softmax}
                training:
                  epochs: 2
                  optimizer: {type: adam, learning_rate: 0.001}
                  callbacks:
                    %s
                """.formatted(callbacks));
        return config;
    }

    private static JsonNode manifest(Path run) throws IOException {
        return new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
    }

    private static boolean defaultSignalWorks() throws InterruptedException {
        try {
            return new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
