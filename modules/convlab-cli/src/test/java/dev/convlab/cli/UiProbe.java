package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Optional;

/** Looks at a training UI from outside: a free port, HTTP GETs, refused connections, this machine's addresses. */
final class UiProbe {
    private UiProbe() {
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

    /** How many scores DL4J's overview page has to chart (-1 when the page cannot be read). */
    static int scores(int port) {
        try {
            JsonNode data = new ObjectMapper().readTree(get("http://127.0.0.1:" + port + "/train/overview/data").body());
            return data.get("scores").size();
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
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
}
