package dev.convlab.cli;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI's main in a fresh JVM (the test classpath, extra JVM flags, a working folder), for what can only be
 * seen from outside: exit codes of main itself, settings ND4J reads once at start-up, running out of memory.
 */
record ForkedCli(int exit, String out, String err) {

    static ForkedCli run(Path workDir, List<String> jvmFlags, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        // a crash would leave its report here, where the test looks for it
        cmd.add("-XX:ErrorFile=" + workDir.resolve("hs_err_pid%p.log"));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().remove("OMP_NUM_THREADS");
        Process p = pb.start();
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the forked convlab did not finish in 3 minutes: " + String.join(" ", args));
        }
        return new ForkedCli(p.exitValue(), out.join(), err.join());
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A folder of the four MNIST idx files (uncompressed) holding random digits, for dataset: mnist. */
    static Path randomMnist(Path folder, int train, int test) throws IOException {
        Files.createDirectories(folder);
        Random random = new Random(7);
        for (String set : List.of("train", "t10k")) {
            int count = set.equals("train") ? train : test;
            byte[] pixels = new byte[count * 784];
            random.nextBytes(pixels);
            byte[] labels = new byte[count];
            for (int i = 0; i < count; i++) {
                labels[i] = (byte) (i % 10);
            }
            Files.write(folder.resolve(set + "-images-idx3-ubyte"), idx(new int[] {count, 28, 28}, pixels));
            Files.write(folder.resolve(set + "-labels-idx1-ubyte"), idx(new int[] {count}, labels));
        }
        return folder;
    }

    private static byte[] idx(int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x0800 | dims.length); // 0, 0, unsigned byte, rank
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        out.flush();
        return bytes.toByteArray();
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
    }
}
