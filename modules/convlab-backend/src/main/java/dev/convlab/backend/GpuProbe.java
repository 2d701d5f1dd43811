package dev.convlab.backend;

/**
 * Asks whether an NVIDIA GPU answers, without starting ND4J's CUDA backend (which, once started, cannot be swapped
 * for the CPU one in the same JVM). An interface so the backend decision can be tested on machines without one.
 */
@FunctionalInterface
public interface GpuProbe {

    Answer probe();

    /** @param detail what answered ("2 GPUs in /proc/driver/nvidia/gpus"), or what was looked at and not found */
    record Answer(boolean found, String detail) {
    }
}
