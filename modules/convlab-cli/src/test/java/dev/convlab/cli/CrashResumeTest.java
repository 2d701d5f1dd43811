package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at many points of one training run (while it trains, in the middle of writing a backup or a model
 * checkpoint, while a resumed run starts up), resuming after each: every checkpoint checkpoints.json lists still
 * matches its SHA-256 and size, every checkpoint zip at a final name is whole, each --resume continues from the
 * newest checkpoint listed when the process died, and the run finally completes with exactly one history row per
 * epoch. Checkpoint writes are slowed down (the test hook) so that a kill can land inside one.
 */
@Tag("slow")
class CrashResumeTest {
    private static final long SEED = 20261122L;
    private static final int EPOCHS = 6;
    private static final List<String> JVM = List.of("-Xmx1g", "-Dconvlab.test.slowWriteMillis=40");
    private static final Pattern FROM = Pattern.compile(
            "^from checkpoint (\\S+) \\(epoch (\\d+)(?: \\+ (\\d+) batches)?, iteration (\\d+)\\)$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    /** Where a cycle kills its process. */
    enum KillPoint {
        /** the first run, a moment after its first checkpoint is listed */
        FIRST_CHECKPOINT,
        /** a random moment after training started */
        TRAINING,
        /** the moment a temporary file of a backup appears */
        BACKUP_WRITE,
        /** the moment a temporary file of a model checkpoint appears */
        MODEL_CHECKPOINT_WRITE,
        /** a random moment after the JVM started, before or while it restores the checkpoint */
        STARTUP
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void killedAnywhereTheRunResumesFromTheNewestIntactCheckpointAndCompletes() throws Exception {
        assumeTrue(Files.isDirectory(TrainEndToEndTest.DIGITS), "mnist-10k missing: run scripts/setup-data.sh");
        // 1,080 training images in 22 batches of 50 per epoch; a checkpoint of this net is about 1 MB (weights and
        // Adam's two moments), so a slowed write takes most of a second
        Path config = dir.resolve("crash.yaml");
        Files.writeString(config, """
                name: crash
                data: {dataset: mnist-10k, batch_size: 50, max_train_samples: 1200, max_test_samples: 200}
                model:
                  layers:
                    - conv2d: {filters: 4, kernel_size: 3, activation: relu}
                    - max_pooling2d: {pool_size: 2}
                    - flatten: {}
                    - dense: {units: 128, activation: relu}
                    - dense: {units: 10, activation: softmax}
                training:
                  epochs: %d
                  optimizer: {type: adam, learning_rate: 0.001}
                  callbacks:
                    backup_and_restore: {save_freq: 3}
                    model_checkpoint: {filepath: "checkpoints/model-{epoch:02d}.zip"}
                """.formatted(EPOCHS));
        List<KillPoint> plan = List.of(KillPoint.FIRST_CHECKPOINT, KillPoint.BACKUP_WRITE, KillPoint.TRAINING,
                KillPoint.STARTUP, KillPoint.MODEL_CHECKPOINT_WRITE, KillPoint.TRAINING, KillPoint.BACKUP_WRITE);
        Random random = new Random(SEED);
        List<String> summary = new ArrayList<>();
        Path run = null;
        Ledger afterKill = null;
        long resumedIteration = -1;
        int resumesChecked = 0;
        int writesCut = 0;

        for (int cycle = 0; cycle < plan.size(); cycle++) {
            KillPoint point = plan.get(cycle);
            try (RunningCli cli = run == null
                    ? RunningCli.start(dir, JVM, "train", config.toString(), "--set", "output_dir=" + dir.resolve("runs"))
                    : RunningCli.start(dir, JVM, "train", "--resume", run.toString())) {
                if (run == null) {
                    assertTrue(cli.awaitLine("run: ", Duration.ofMinutes(2)), cli.toString());
                    run = Path.of(cli.out().lines().filter(l -> l.startsWith("run: ")).findFirst().orElseThrow()
                            .substring(5));
                }
                Path folder = run.resolve("checkpoints");
                String temporary = null;
                switch (point) {
                    case FIRST_CHECKPOINT -> {
                        Path r = run;
                        assertTrue(cli.await(() -> !Ledger.readNow(r).resumable().isEmpty(), Duration.ofMinutes(3), 50),
                                "no checkpoint listed\n" + cli);
                        Thread.sleep(random.nextInt(4000));
                    }
                    case TRAINING -> {
                        assertTrue(cli.awaitLine("memory: ", Duration.ofMinutes(2)), cli.toString());
                        Thread.sleep(2000 + random.nextInt(7000));
                    }
                    case STARTUP -> Thread.sleep(500 + random.nextInt(2500));
                    case BACKUP_WRITE, MODEL_CHECKPOINT_WRITE -> {
                        assertTrue(cli.awaitLine("memory: ", Duration.ofMinutes(2)), cli.toString());
                        String prefix = point == KillPoint.BACKUP_WRITE ? ".backup-" : ".model-";
                        String[] seen = new String[1];
                        long pid = cli.pid();
                        assertTrue(cli.await(() -> (seen[0] = temporary(folder, prefix, pid)) != null,
                                Duration.ofMinutes(2), 2), "no " + prefix + "*.tmp-* file appeared\n" + cli);
                        temporary = seen[0];
                    }
                    default -> fail(point.toString());
                }
                double at = cli.seconds();
                int exit = cli.kill();
                assertEquals(137, exit, "the process must die of SIGKILL, not end by itself (" + point + ")\n" + cli);

                // the resume that was killed here started from the newest checkpoint listed after the previous kill
                Matcher from = FROM.matcher(cli.out());
                String resumedFrom = "-";
                if (afterKill != null && from.find()) {
                    resumedIteration = checkResumePoint(from, afterKill, resumedIteration, cli);
                    resumedFrom = from.group(1) + " (iteration " + from.group(4) + ")";
                    resumesChecked++;
                }
                assertFalse(cli.out().contains("warning: skipping checkpoint"), cli.toString());

                afterKill = Ledger.read(run);
                afterKill.assertIntact(run);
                List<String> zips = Ledger.assertFinalZipsComplete(folder);
                assertFalse(afterKill.newestResumable().isEmpty(), "nothing to resume from after the kill");
                assertHistoryRowsAreEpochs(run, -1);
                boolean cut = temporary != null && Files.exists(folder.resolve(temporary));
                writesCut += cut ? 1 : 0;
                Ledger.Entry newest = afterKill.newestResumable().get(0);
                summary.add(log(String.format("kill %d %-22s at %5.1f s: resumed from %s; newest listed after the kill %s"
                                + " (iteration %d); %d listed, all verified; %d final zips whole; temporary file %s;"
                                + " temporaries %s; other files %s",
                        cycle + 1, point, at, resumedFrom, newest.file(), newest.iteration(),
                        afterKill.entries().size(), zips.size(),
                        temporary == null ? "-" : temporary + (cut ? " (still there after the kill)" : " (gone)"),
                        Ledger.temporaries(folder), Ledger.strays(folder))));
            }
        }

        try (RunningCli cli = RunningCli.start(dir, JVM, "train", "--resume", run.toString())) {
            int exit = cli.exit(Duration.ofMinutes(5));
            summary.add(log("final resume: exit " + exit + " after " + String.format("%.1f s", cli.seconds())));
            assertEquals(0, exit, cli.toString());
            Matcher from = FROM.matcher(cli.out());
            assertTrue(from.find(), cli.toString());
            checkResumePoint(from, afterKill, resumedIteration, cli);
            resumesChecked++;
            assertFalse(cli.err().contains("\tat "), cli.toString());
        }
        assertTrue(resumesChecked >= plan.size() - 1, "resumes checked: " + resumesChecked);
        assertTrue(writesCut >= 1, "no kill landed inside a checkpoint write:\n" + String.join("\n", summary));

        JsonNode manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
        assertEquals("completed", manifest.get("status").asText(), manifest.toString());
        assertEquals(EPOCHS, manifest.get("epochs_completed").asInt(), manifest.toString());
        assertTrue(manifest.get("resumed").size() >= resumesChecked, manifest.toString());
        assertHistoryRowsAreEpochs(run, EPOCHS);
        assertTrue(Files.isRegularFile(run.resolve("model.zip")));
        Ledger.assertCompleteCheckpoint(run.resolve("model.zip"));
        Ledger done = Ledger.read(run);
        done.assertIntact(run);
        Ledger.assertFinalZipsComplete(run.resolve("checkpoints"));
        assertEquals(List.of(), done.entries().stream().filter(e -> e.kind().equals("backup")).toList(),
                "delete_checkpoint: backups are removed when the run completes");
        assertEquals(IntStream.rangeClosed(1, EPOCHS).mapToObj(e -> String.format("checkpoints/model-%02d.zip", e))
                        .toList(),
                done.entries().stream().filter(e -> e.kind().equals("model_checkpoint")).map(Ledger.Entry::file)
                        .sorted().toList(), "one model checkpoint per epoch, none lost to a kill");
    }

    /**
     * The printed resume point must be a newest resumable entry of the list as it was after the kill, with its
     * iteration, and never behind the previous resume. Returns its iteration.
     */
    private static long checkResumePoint(Matcher from, Ledger afterKill, long previous, RunningCli cli) {
        String file = from.group(1);
        long iteration = Long.parseLong(from.group(4));
        List<Ledger.Entry> newest = afterKill.newestResumable();
        assertTrue(newest.stream().anyMatch(e -> e.file().equals(file)),
                "resumed from " + file + ", but the newest listed were " + newest + "\n" + cli);
        Optional<Ledger.Entry> entry = afterKill.find(file);
        assertNotNull(entry.orElse(null));
        assertEquals(entry.get().iteration(), iteration, cli.toString());
        int epochs = Integer.parseInt(from.group(2));
        int batches = from.group(3) == null ? 0 : Integer.parseInt(from.group(3));
        assertEquals(iteration, epochs * 22L + batches, "22 batches per epoch: " + from.group());
        assertTrue(iteration >= previous, "a resume went back from iteration " + previous + " to " + iteration);
        return iteration;
    }

    /** Prints a line of the kill summary for the build log as it happens, and returns it. */
    private static String log(String line) {
        System.out.println(line);
        return line;
    }

    /** history.csv has rows for epochs 1..n in order with none twice (n = -1: any number). */
    private static void assertHistoryRowsAreEpochs(Path run, int n) throws IOException {
        Path history = run.resolve("history.csv");
        if (n < 0 && !Files.exists(history)) {
            return;
        }
        List<String> lines = Files.readAllLines(history);
        assertEquals("epoch,loss,accuracy,val_loss,val_accuracy,lr,seconds", lines.get(0));
        List<Integer> epochs = lines.stream().skip(1).map(l -> Integer.parseInt(l.split(",")[0])).toList();
        int expected = n < 0 ? epochs.size() : n;
        assertEquals(IntStream.rangeClosed(1, expected).boxed().toList(), epochs, String.join("\n", lines));
    }

    /**
     * The name of a temporary file that process {@code pid} is writing ({@code .backup-...zip.tmp-PID-NANOS}), or
     * null; those of processes killed earlier stay in the folder and do not count.
     */
    private static String temporary(Path folder, String prefix, long pid) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && n.contains(".tmp-" + pid + "-")).findFirst().orElse(null);
        } catch (IOException e) {
            return null; // the folder is not there yet
        }
    }
}
