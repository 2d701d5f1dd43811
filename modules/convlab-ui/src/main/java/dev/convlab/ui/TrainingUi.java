package dev.convlab.ui;

import dev.convlab.config.BadInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;

/**
 * DL4J's training UI for one run: a StatsListener that reports to DL4J's UI server on one address, to a stats file
 * (FileStatsStorage, for DL4J's UI to show later), or both. Closing it stops the server, so the JVM can exit, and
 * closes the file.
 */
public final class TrainingUi implements AutoCloseable {
    /** The address the UI listens on; port 0 picks a free port. */
    public record Address(String host, int port) {
        /** DL4J's UI port, on this machine only. */
        public static final String DEFAULT_HOST = "127.0.0.1";
        public static final int DEFAULT_PORT = 9000;
    }

    private final StatsStorage storage;
    private final BoundUiServer server;
    private final List<String> lines;
    private final List<TrainingListener> listeners;

    private TrainingUi(StatsStorage storage, BoundUiServer server, List<String> lines) {
        this.storage = storage;
        this.server = server;
        this.lines = lines;
        // DL4J's defaults: a report (score, parameter/gradient/update statistics, histograms) every 10 iterations
        this.listeners = storage == null ? List.of() : List.of(new StatsListener(storage));
    }

    /**
     * Serves the UI at {@code serve} and/or saves the stats to {@code statsFile}; with neither (both null) it does
     * nothing. An address that cannot be listened on, or a file that cannot hold stats, is bad input.
     */
    public static TrainingUi open(Address serve, Path statsFile) {
        if (serve == null && statsFile == null) {
            return new TrainingUi(null, null, List.of());
        }
        List<String> lines = new ArrayList<>();
        StatsStorage storage = statsFile != null ? fileStorage(statsFile) : new InMemoryStatsStorage();
        if (statsFile != null) {
            lines.add("training stats: " + statsFile.toAbsolutePath().normalize()
                    + " (DL4J FileStatsStorage, for DL4J's UIServer to show later)");
        }
        BoundUiServer server = null;
        if (serve != null) {
            try {
                server = BoundUiServer.start(serve.host(), serve.port());
            } catch (BoundUiServer.UiStartFailed e) {
                closeQuietly(storage);
                throw new BadInput("--ui", "DL4J's training UI cannot listen on " + serve.host() + ":" + serve.port()
                        + ": " + e.getMessage(), serve.port() == Address.DEFAULT_PORT
                        ? "choose another port with --ui-port, e.g. --ui-port 9001"
                        : "choose another --ui-port, or an address of this machine for --ui-host", e);
            }
            server.attach(storage);
            lines.add(everyInterface(serve.host())
                    ? "training UI: " + url("127.0.0.1", server.getPort()) + " (listening on every interface, "
                            + serve.host() + "; served until training ends)"
                    : "training UI: " + url(serve.host(), server.getPort()) + " (served until training ends)");
        }
        return new TrainingUi(storage, server, List.copyOf(lines));
    }

    /** The listeners to add to the run's network: none, or one StatsListener. */
    public List<TrainingListener> listeners() {
        return listeners;
    }

    /** What to tell the user at start: the UI's address and/or the stats file. */
    public List<String> lines() {
        return lines;
    }

    /** The port the UI listens on, or -1 without a UI. */
    public int port() {
        return server == null ? -1 : server.getPort();
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.stopServing();
            }
        } finally {
            closeQuietly(storage);
        }
    }

    private static boolean everyInterface(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    static String url(String host, int port) {
        String h = host.contains(":") ? "[" + host + "]" : host; // an IPv6 literal
        return "http://" + h + ":" + port + "/train";
    }

    private static StatsStorage fileStorage(Path file) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new BadInput("--stats", file + " is a folder", "give a file name, e.g. --stats runs/stats.dl4j");
        }
        try {
            Files.createDirectories(absolute.getParent());
            return new FileStatsStorage(absolute.toFile());
        } catch (IOException | RuntimeException e) {
            throw new BadInput("--stats", "cannot write DL4J stats to " + file + ": " + e.getMessage(),
                    "give a new file in a writable folder", e);
        }
    }

    private static void closeQuietly(StatsStorage storage) {
        if (storage == null) {
            return;
        }
        try {
            storage.close();
        } catch (IOException | RuntimeException e) {
            // every report was committed as it came; closing only releases the file
        }
    }
}
