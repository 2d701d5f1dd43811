package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convlab train --ui}: a real run in a fresh JVM serves DL4J's training UI on 127.0.0.1 while it trains (the
 * pages, and the run's own scores in the overview's data), refuses connections on the machine's other addresses,
 * and stops the server at the end so that the JVM exits.
 */
@Tag("slow")
class TrainUiTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void servesTheTrainingUiOnLoopbackOnlyWhileTrainingAndStopsWithIt() throws Exception {
        assumeTrue(Files.isDirectory(TrainEndToEndTest.DIGITS), "mnist-10k missing: run scripts/setup-data.sh");
        Path config = dir.resolve("ui.yaml");
        // 1,800 training images, 3 epochs: training lasts well beyond the few requests made during it
        Files.writeString(config, """
                name: ui
                data: {dataset: mnist-10k, batch_size: 32, max_train_samples: 2000}
                model:
                  layers:
                    - conv2d: {filters: 8, kernel_size: 3, activation: relu}
                    - max_pooling2d: {pool_size: 2}
                    - flatten: {}
                    - dense: {units: 10, activation: softmax}
                training: {epochs: 3, optimizer: {type: adam, learning_rate: 0.003}}
                """);
        int port = UiProbe.freePort();
        String url = "http://127.0.0.1:" + port + "/train";
        try (RunningCli cli = RunningCli.start(dir, List.of("-Xmx1g"), "train", config.toString(), "--ui",
                "--ui-port", Integer.toString(port), "--set", "output_dir=" + dir.resolve("runs"))) {
            assertTrue(cli.awaitLine("training UI: ", Duration.ofMinutes(2)), cli.toString());
            assertTrue(cli.out().startsWith("training UI: " + url + " (served until training ends)\n"), cli.out());

            HttpResponse<String> page = UiProbe.get(url);
            double pageAt = cli.seconds();
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("<title>DL4J Training UI</title>"), page.body());

            Optional<Inet4Address> other = UiProbe.nonLoopbackIpv4();
            if (other.isPresent()) {
                UiProbe.assertRefused(other.get(), port);
            } else {
                System.out.println("no non-loopback IPv4 address on this machine: other interfaces not checked");
            }
            // still served on 127.0.0.1: the refusal above was not the server having stopped
            assertEquals(200, UiProbe.get(url).statusCode());
            assertTrue(cli.isAlive(), "training was still running during the requests\n" + cli);

            // the run's StatsListener reports to this server: the overview's score chart fills while it trains
            assertTrue(cli.await(() -> UiProbe.scores(port) > 0, Duration.ofMinutes(3), 250),
                    "no scores on the overview page\n" + cli);
            double scoresAt = cli.seconds();

            assertEquals(0, cli.exit(Duration.ofMinutes(4)), cli.toString()); // the UI's threads did not keep it alive
            assertTrue(cli.out().contains("\nEpoch 3/3 - "), cli.out());
            System.out.printf(Locale.ROOT, "TrainUiTest: page at %.1f s, scores at %.1f s, exit at %.1f s (%s)%n",
                    pageAt, scoresAt, cli.seconds(), other.map(a -> "refused on " + a.getHostAddress())
                            .orElse("no other address"));
        }
        UiProbe.assertRefused(InetAddress.getByName("127.0.0.1"), port);
    }
}
