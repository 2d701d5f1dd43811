package dev.convlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident-memory high-water mark (VmHWM in /proc/self/status): Java heap, ND4J's off-heap arrays
 * and native libraries alike. The PyTorch script reads the same line, so every implementation is measured alike.
 */
public final class PeakMemory {
    private PeakMemory() {
    }

    /** Bytes; -1 where /proc is missing (not Linux). */
    public static long highWaterMark() {
        return field("VmHWM:");
    }

    static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    String[] parts = line.substring(name.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024; // the kernel reports kB
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
