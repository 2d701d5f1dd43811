package dev.convlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report really renders in a browser: scripts/screenshot-report.sh screenshots it with headless Chromium, and
 * the screenshot must hold the pictures' own colours in the pictures' own amounts. Without Chromium the test is
 * skipped on a workstation but fails when CI=true, so CI cannot pass without having looked.
 */
class BrowserScreenshotTest {
    private static final int NO_CHROMIUM = 3;

    @Test
    void theReportRendersWithItsPicturesInHeadlessChromium(@TempDir Path dir) throws Exception {
        ReportContent c = SampleRun.content();
        Path html = dir.resolve("report.html");
        ReportHtml.write(html, c);
        Path png = dir.resolve("shot.png");
        Result r = run(dir, html, png, null);
        if (r.exit() == NO_CHROMIUM) {
            String why = "chromium is not installed (apt-get install chromium): " + r.output().strip();
            if ("true".equals(System.getenv("CI"))) {
                fail(why + " -- CI=true, so the browser check cannot be skipped");
            }
            Assumptions.abort(why + " -- skipped outside CI");
        }
        assertEquals(0, r.exit(), "screenshot-report.sh failed:\n" + r.output());
        BufferedImage shot = ImageIO.read(png.toFile());
        assertEquals(1280, shot.getWidth());
        assertEquals(2400, shot.getHeight());

        long white = Pixels.count(shot, Color.WHITE, 0);
        long all = (long) shot.getWidth() * shot.getHeight();
        assertTrue(Pixels.distinctColours(shot) > 200, "a blank page has few colours: " + Pixels.distinctColours(shot));
        assertTrue(white < 0.9 * all && white > 0.2 * all, "white pixels " + white + " of " + all);

        // The page draws nothing in these colours itself (greys only), so they can only come from the pictures:
        // expect about as many as the pictures hold, shown at 1:1.
        BufferedImage curves = CurvesChart.draw(c.history());
        BufferedImage confusion = ConfusionChart.draw(c.confusion(), c.classNames());
        assertShows(shot, curves, Plot.TRAINING, "training curve");
        assertShows(shot, curves, Plot.VALIDATION, "validation curve");
        assertShows(shot, confusion, Blues.DARKEST, "confusion heatmap");
    }

    @Test
    void theScriptSaysClearlyWhenChromiumIsMissing(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        Files.writeString(html, "<p>x</p>");
        Result r = run(dir, html, dir.resolve("shot.png"), "/nonexistent/chromium");
        assertEquals(NO_CHROMIUM, r.exit(), r.output());
        assertTrue(r.output().contains("CHROMIUM=/nonexistent/chromium is not an executable"), r.output());
    }

    private static void assertShows(BufferedImage shot, BufferedImage picture, Color colour, String what) {
        long expected = Pixels.count(picture, colour, 2);
        long seen = Pixels.count(shot, colour, 2);
        assertTrue(expected > 100, what + ": the picture itself has " + expected);
        assertTrue(seen >= 0.9 * expected && seen <= 1.1 * expected + 50,
                what + ": " + seen + " pixels of " + colour + " in the screenshot, " + expected + " in the picture");
    }

    record Result(int exit, String output) {
    }

    /** Runs the script (60 s at most) with CHROMIUM set if chromium is not null; output and errors together. */
    private static Result run(Path dir, Path html, Path png, String chromium) throws IOException,
            InterruptedException {
        Path log = dir.resolve("screenshot.log");
        ProcessBuilder pb = new ProcessBuilder("bash", script().toString(), html.toString(), png.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        if (chromium != null) {
            pb.environment().put("CHROMIUM", chromium);
        }
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("screenshot-report.sh took more than 60 s:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** scripts/screenshot-report.sh of the checkout this module is in. */
    private static Path script() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path script = d.resolve("scripts/screenshot-report.sh");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new AssertionError("scripts/screenshot-report.sh not found above " + Path.of("").toAbsolutePath());
    }
}
