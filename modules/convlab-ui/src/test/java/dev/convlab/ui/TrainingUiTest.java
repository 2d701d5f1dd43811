package dev.convlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.BadInput;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.junit.jupiter.api.Test;

/** DL4J's UI server as convlab starts it: on the one address asked for, gone (threads too) once closed. */
class TrainingUiTest {

    @Test
    void servesDl4jsPagesOnLoopbackOnlyAndStopsCompletely() throws Exception {
        int port = freePort();
        try (TrainingUi ui = TrainingUi.open(new TrainingUi.Address("127.0.0.1", port), null)) {
            assertEquals(List.of("training UI: http://127.0.0.1:" + port + "/train (served until training ends)"),
                    ui.lines());
            assertEquals(port, ui.port());
            assertEquals(1, ui.listeners().size());
            assertTrue(ui.listeners().get(0) instanceof StatsListener, ui.listeners().toString());

            HttpResponse<String> page = get("http://127.0.0.1:" + port + "/train");
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("<title>DL4J Training UI</title>"), page.body());
            Optional<Inet4Address> other = nonLoopbackIpv4();
            if (other.isPresent()) {
                assertRefused(other.get(), port);
            } else {
                System.out.println("no non-loopback IPv4 address on this machine: other interfaces not checked");
            }
            assertEquals(200, get("http://127.0.0.1:" + port + "/train").statusCode(), "still serving on 127.0.0.1");
        }
        assertRefused(InetAddress.getByName("127.0.0.1"), port);
        assertTrue(awaitNoVertxThreads(Duration.ofSeconds(20)), "Vert.x threads left: " + vertxThreads());
    }

    @Test
    void portZeroListensOnAFreePort() throws Exception {
        try (TrainingUi ui = TrainingUi.open(new TrainingUi.Address("127.0.0.1", 0), null)) {
            assertTrue(ui.port() > 0, "port " + ui.port());
            assertEquals(List.of("training UI: http://127.0.0.1:" + ui.port() + "/train (served until training ends)"),
                    ui.lines());
            assertEquals(200, get("http://127.0.0.1:" + ui.port() + "/train").statusCode());
        }
    }

    @Test
    void anotherHostIsHonouredEveryInterfaceIncluded() throws Exception {
        try (TrainingUi ui = TrainingUi.open(new TrainingUi.Address("0.0.0.0", 0), null)) {
            assertEquals(List.of("training UI: http://127.0.0.1:" + ui.port() + "/train (listening on every interface,"
                    + " 0.0.0.0; served until training ends)"), ui.lines());
            assertEquals(200, get("http://127.0.0.1:" + ui.port() + "/train").statusCode());
            Optional<Inet4Address> other = nonLoopbackIpv4();
            if (other.isPresent()) {
                assertEquals(200, get("http://" + other.get().getHostAddress() + ":" + ui.port() + "/train")
                        .statusCode());
            }
        }
    }

    @Test
    void aPortInUseIsBadInputAndLeavesNoServerBehind() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            BadInput e = assertThrows(BadInput.class,
                    () -> TrainingUi.open(new TrainingUi.Address("127.0.0.1", taken.getLocalPort()), null));
            assertTrue(e.oneLine().startsWith("--ui: DL4J's training UI cannot listen on 127.0.0.1:"
                    + taken.getLocalPort() + ": Address already in use"), e.oneLine());
        }
        assertTrue(awaitNoVertxThreads(Duration.ofSeconds(20)), "Vert.x threads left: " + vertxThreads());
        // the failed start did not leave DL4J believing a UI runs
        try (TrainingUi ui = TrainingUi.open(new TrainingUi.Address("127.0.0.1", 0), null)) {
            assertEquals(200, get("http://127.0.0.1:" + ui.port() + "/train").statusCode());
        }
    }

    @Test
    void withoutUiOrStatsItAddsNothing() {
        try (TrainingUi ui = TrainingUi.open(null, null)) {
            assertEquals(List.of(), ui.listeners());
            assertEquals(List.of(), ui.lines());
            assertEquals(-1, ui.port());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void assertRefused(InetAddress address, int port) {
        assertThrows(ConnectException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 5_000);
            }
        }, address.getHostAddress() + ":" + port + " should refuse connections");
    }

    /** An IPv4 address of this machine other than a loopback one, if it has any. */
    static Optional<Inet4Address> nonLoopbackIpv4() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address v4 && !v4.isLoopbackAddress()) {
                    return Optional.of(v4);
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> vertxThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.isDaemon() && t.isAlive())
                .map(Thread::getName).filter(n -> n.startsWith("vert.x")).toList();
    }

    private static boolean awaitNoVertxThreads(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!vertxThreads().isEmpty()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
