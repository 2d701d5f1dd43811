package dev.convlab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A convlab (or a command wrapping one) started in a fresh JVM and left running, so that a test can watch its output
 * and files while it trains and then signal it or kill it for real. {@link ForkedCli} is the variant that waits.
 */
final class RunningCli implements AutoCloseable {
    private final Process process;
    private final long startNanos = System.nanoTime();
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private final Thread outReader;
    private final Thread errReader;

    private RunningCli(Process process) {
        this.process = process;
        this.outReader = reader(process.getInputStream(), out);
        this.errReader = reader(process.getErrorStream(), err);
    }

    /** The command line {@link ForkedCli} builds: this JVM's java and class path, Main, the arguments. */
    static List<String> javaCommand(Path workDir, List<String> jvmFlags, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.add("-XX:ErrorFile=" + workDir.resolve("hs_err_pid%p.log"));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static RunningCli start(Path workDir, List<String> jvmFlags, String... args) throws IOException {
        return start(workDir, javaCommand(workDir, jvmFlags, args));
    }

    /** Starts any command (e.g. java behind env or unshare); its pid is the JVM's when the wrapper execs it. */
    static RunningCli start(Path workDir, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().remove("OMP_NUM_THREADS");
        return new RunningCli(pb.start());
    }

    private static Thread reader(InputStream in, StringBuilder into) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (into) {
                        into.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process was killed: what was read so far is kept
            }
        }, "forked-cli-reader");
        t.setDaemon(true);
        t.start();
        return t;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Seconds since the process was started. */
    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    String out() {
        synchronized (out) {
            return out.toString();
        }
    }

    String err() {
        synchronized (err) {
            return err.toString();
        }
    }

    /**
     * Polls {@code condition} every {@code pollMillis} until it holds (true), the process exits or the timeout
     * passes (false).
     */
    boolean await(BooleanSupplier condition, Duration timeout, long pollMillis) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (!process.isAlive()) {
                return condition.getAsBoolean();
            }
            Thread.sleep(pollMillis);
        }
        return false;
    }

    /** Waits for a line of standard output that starts with {@code prefix}. */
    boolean awaitLine(String prefix, Duration timeout) throws InterruptedException {
        return await(() -> out().lines().anyMatch(l -> l.startsWith(prefix)), timeout, 20);
    }

    /** SIGKILL (what {@link Process#destroyForcibly} sends on Linux), then waits for the process to be gone. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return exit(Duration.ofSeconds(30));
    }

    /** Sends a real signal (TERM, INT, ...) with kill(1). */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** Waits for the exit code and the rest of the output; kills the process and fails after the timeout. */
    int exit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("the forked convlab did not finish in " + timeout + "\n" + this);
        }
        outReader.join(10_000);
        errReader.join(10_000);
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "pid " + process.pid() + (process.isAlive() ? " (running)" : " exit " + process.exitValue())
                + "\n--- out\n" + out() + "\n--- err\n" + err();
    }
}
