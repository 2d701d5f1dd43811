package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report.html of a real Fashion-MNIST run (the Debian package's images, a small CNN, 2 epochs), rendered by
 * Debian's chromium to a screenshot with scripts/screenshot-report.sh: the screenshot holds the run's own curves
 * (the training blue and validation orange in the amounts curves.png has them) and its confusion matrix (the darkest
 * cell colour in the amount confusion.png has it). The page itself draws only greys, so those pixels can only come
 * from the embedded pictures being rendered. Without chromium the test fails under CI=true and is skipped otherwise.
 */
class FashionReportInBrowserTest {
    private static final int TRAINING = 0x1f77b4;
    private static final int VALIDATION = 0xff7f0e;
    private static final int DARKEST = 0x08306b;

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void aRealFashionRunsReportRendersWithItsCurvesAndConfusionMatrix() throws Exception {
        Path config = dir.resolve("fashion.yaml");
        Files.writeString(config, """
                name: fashion-report
                data: {dataset: fashion-mnist, batch_size: 64, validation_split: 0.2, max_train_samples: 1500,
                       max_test_samples: 500}
                model:
                  layers:
                    - conv2d: {filters: 8, kernel_size: 3, activation: relu}
                    - max_pooling2d: {pool_size: 2}
                    - flatten: {}
                    - dense: {units: 10, activation: softmax}
                training: {epochs: 2, optimizer: {type: adam, learning_rate: 0.003}}
                """);
        Cli train = Cli.run("train", config.toString(), "--set", "output_dir=" + dir.resolve("runs"));
        assertEquals(0, train.exit(), train.toString());
        Path run;
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }
        Path shot = dir.resolve("shot.png");
        Process p = new ProcessBuilder("bash", Path.of("../../scripts/screenshot-report.sh").toAbsolutePath().toString(),
                run.resolve("report.html").toString(), shot.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        if (p.exitValue() == 3) { // the script's "no chromium"
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("chromium is missing (scripts/setup-data.sh installs it): " + log);
            }
            Assumptions.abort("chromium is not installed: " + log);
        }
        assertEquals(0, p.exitValue(), log);
        BufferedImage screenshot = ImageIO.read(shot.toFile());
        BufferedImage curves = ImageIO.read(run.resolve("curves.png").toFile());
        BufferedImage confusion = ImageIO.read(run.resolve("confusion.png").toFile());
        assertShows(screenshot, curves, TRAINING, "training curve");
        assertShows(screenshot, curves, VALIDATION, "validation curve");
        assertShows(screenshot, confusion, DARKEST, "confusion matrix");
    }

    private static void assertShows(BufferedImage shot, BufferedImage picture, int rgb, String what) {
        long expected = count(picture, rgb);
        long seen = count(shot, rgb);
        assertTrue(expected > 50, what + ": the picture itself should have this colour");
        assertTrue(seen >= 0.9 * expected && seen <= 1.1 * expected,
                what + ": " + seen + " pixels in the screenshot, " + expected + " in the picture");
    }

    private static long count(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return n;
    }
}
