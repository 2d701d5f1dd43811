package dev.convlab.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rounds and one-process pairs: medians and round-by-round ratios, worked by hand. */
class ResultsTest {

    private static String line(String impl, int round, double rate) {
        return "{\"kind\":\"throughput\",\"network\":\"n\",\"impl\":\"" + impl + "\",\"mode\":\"train\",\"round\":"
                + round + ",\"images_per_s\":" + rate + "}\n";
    }

    @Test
    void ratiosArePairedByRoundAndTheMedianIsTaken(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.jsonl");
        // round 2 was a slow spell for both: 50/100, 30/40, 60/100
        Files.writeString(file, line("a", 1, 50) + line("b", 1, 100) + line("a", 2, 30) + line("b", 2, 40)
                + line("a", 3, 60) + line("b", 3, 100));
        Results r = Results.read(file);
        assertEquals(50.0, r.rate("n", "a", "train")); // median of 30, 50, 60
        assertEquals(100.0, r.rate("n", "b", "train")); // median of 40, 100, 100
        assertEquals(0.6, r.pairedRatio("n", "a", "b", "train"), 1e-12); // median of 0.5, 0.75, 0.6
        assertEquals(50.0, Results.num(r.throughput("n", "a", "train").orElseThrow(), "images_per_s"));
    }

    @Test
    void withoutRoundsTheRatioIsOfTheMedians(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.jsonl");
        Files.writeString(file, line("a", 1, 30).replace("\"round\":1,", "") + line("b", 1, 60)
                .replace("\"round\":1,", "") + line("b", 2, 40).replace("\"round\":2,", ""));
        Results r = Results.read(file);
        assertEquals(30.0 / 50.0, r.pairedRatio("n", "a", "b", "train"), 1e-12);
        assertEquals(40.0, Results.num(r.throughput("n", "b", "train").orElseThrow(), "images_per_s"));
    }

    private static String pair(String mode, double ratio, double yamlRate) {
        return "{\"kind\":\"pair\",\"network\":\"n\",\"mode\":\"" + mode + "\",\"ratio\":" + ratio
                + ",\"yaml_images_per_s\":" + yamlRate + "}\n";
    }

    @Test
    void theYamlRatioIsTheMedianOverProcesses(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.jsonl");
        // the one unlucky process (0.905) does not decide it; a line of an older PairMain without the
        // ratio, another mode's line and a control run (two copies of the by-hand network) are not counted
        Files.writeString(file, pair("infer", 1.01, 300) + pair("infer", 0.905, 100) + pair("train", 0.5, 1)
                + pair("infer", 0.99, 200) + "{\"kind\":\"pair\",\"network\":\"n\",\"mode\":\"infer\"}\n"
                + pair("infer", 0.7, 50).replace("\"mode\"", "\"control\":true,\"mode\""));
        Results r = Results.read(file);
        assertEquals(3, r.pairs("n", "infer").size());
        assertEquals(0.7, Results.num(r.controls("n", "infer").get(0), "ratio")); // (c) against (c)
        assertEquals(0.99, r.pairRatio("n", "infer"), 1e-12);
        assertEquals(0.5, r.pairRatio("n", "train"), 1e-12);
        assertNull(r.pairRatio("other", "infer"));
    }
}
