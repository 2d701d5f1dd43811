package dev.convlab.ui;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.deeplearning4j.ui.VertxUIServer;

/**
 * DL4J's UI server (the same pages, modules and storage handling) listening on one address. It is deployed here
 * rather than through {@code UIServer.getInstance()}, which would listen on every interface; once started it is
 * DL4J's UI instance for this JVM, so {@code UIServer.getInstance()} and {@code stopInstance()} reach it.
 */
final class BoundUiServer extends VertxUIServer {
    private static final long START_SECONDS = 60;
    private final String host;
    private final int port;
    private long startMillis;
    private long startedMillis;

    private BoundUiServer(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public void init(Vertx vertx, Context context) {
        super.init(BoundVertx.wrap(vertx, host, port), context);
    }

    /** Starts the UI on {@code host:port} (port 0: any free port) and waits until it listens. */
    static BoundUiServer start(String host, int port) throws UiStartFailed {
        VertxUIServer running = VertxUIServer.getInstance();
        if (running != null && !running.isStopped()) {
            throw new UiStartFailed("a DL4J UI server already runs in this JVM, at " + running.getAddress());
        }
        Vertx vertx = Vertx.vertx();
        BoundUiServer server = new BoundUiServer(host, port);
        server.startMillis = System.currentTimeMillis();
        CompletableFuture<String> deployed = new CompletableFuture<>();
        vertx.deployVerticle(server, ar -> {
            if (ar.succeeded()) {
                deployed.complete(ar.result());
            } else {
                deployed.completeExceptionally(ar.cause());
            }
        });
        try {
            deployed.get(START_SECONDS, TimeUnit.SECONDS);
            server.startedMillis = System.currentTimeMillis();
            return server;
        } catch (ExecutionException | TimeoutException e) {
            server.abandon(vertx);
            Throwable cause = e instanceof ExecutionException ? rootCause(e) : e;
            throw new UiStartFailed(cause instanceof TimeoutException ? "it did not start in " + START_SECONDS + " s"
                    : cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName(), cause);
        } catch (InterruptedException e) {
            server.abandon(vertx);
            Thread.currentThread().interrupt();
            throw new UiStartFailed("interrupted while it started", e);
        }
    }

    /**
     * Stops this server and its Vert.x (whose threads would otherwise keep the JVM alive), and removes the empty
     * upload folder DL4J made for it in java.io.tmpdir.
     */
    void stopServing() {
        try {
            VertxUIServer.stopInstance();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("the training UI did not stop: " + e.getMessage(), e);
        } finally {
            removeUploadFolder();
        }
    }

    /** DL4J names it DL4JUI_ and the time its start() ran, which lies between these two. */
    private void removeUploadFolder() {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")),
                "DL4JUI_*")) {
            for (Path folder : folders) {
                String millis = folder.getFileName().toString().substring("DL4JUI_".length());
                if (millis.matches("\\d{1,18}") && Long.parseLong(millis) >= startMillis
                        && Long.parseLong(millis) <= startedMillis) {
                    try {
                        Files.deleteIfExists(folder); // only if empty: an upload in it stays
                    } catch (IOException e) {
                        // not empty: left as it is
                    }
                }
            }
        } catch (IOException e) {
            // java.io.tmpdir cannot be listed: nothing to clean
        }
    }

    private void abandon(Vertx vertx) {
        startedMillis = System.currentTimeMillis();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        vertx.close(ar -> closed.complete(null));
        try {
            closed.get(START_SECONDS, TimeUnit.SECONDS);
            // the failed server registered itself as DL4J's instance; this clears it (stopping twice is harmless)
            VertxUIServer.stopInstance();
        } catch (Exception e) {
            // nothing more can be done about a server that never started
        }
        removeUploadFolder();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The UI server could not be started; the message says why (e.g. "Address already in use"). */
    static final class UiStartFailed extends Exception {
        UiStartFailed(String message) {
            super(message);
        }

        UiStartFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
