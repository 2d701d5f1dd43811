package dev.convlab.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Looks for an NVIDIA GPU the way the driver exposes one: the kernel module's /proc entries on Linux, else
 * {@code nvidia-smi -L} (Windows, WSL). Cheaper and safer than asking CUDA, which would start its runtime.
 * Never run against a real GPU: this machine has none (see the module's tests for what is covered).
 */
public final class NvidiaGpuProbe implements GpuProbe {

    private static final Path PROC_GPUS = Path.of("/proc/driver/nvidia/gpus");
    private static final long SMI_TIMEOUT_SECONDS = 10;

    @Override
    public Answer probe() {
        int proc = countProcGpus();
        if (proc > 0) {
            return new Answer(true, proc + " GPU(s) in " + PROC_GPUS);
        }
        List<String> smi = nvidiaSmiGpus();
        if (!smi.isEmpty()) {
            return new Answer(true, smi.get(0) + (smi.size() > 1 ? " and " + (smi.size() - 1) + " more" : ""));
        }
        return new Answer(false, "nothing in " + PROC_GPUS + ", no GPU listed by nvidia-smi");
    }

    private static int countProcGpus() {
        if (!Files.isDirectory(PROC_GPUS)) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(PROC_GPUS)) {
            return (int) entries.count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The "GPU 0: NVIDIA … (UUID: …)" lines, or none when nvidia-smi is missing, fails or hangs. */
    private static List<String> nvidiaSmiGpus() {
        try {
            Process p = new ProcessBuilder("nvidia-smi", "-L").redirectErrorStream(true).start();
            if (!p.waitFor(SMI_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                return List.of();
            }
            return out.lines().filter(l -> l.startsWith("GPU ")).map(l -> l.replaceAll("\\s*\\(UUID:.*", "")).toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
