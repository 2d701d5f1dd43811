package dev.convlab.backend;

import dev.convlab.config.BackendKind;
import dev.convlab.config.BadInput;

/**
 * The backend a run will use, decided before ND4J loads. ND4J's own rule (Nd4jBackend.load: every backend listed
 * in META-INF/services, highest getPriority() first, CUDA 100 over CPU 0, priorities changeable only through the
 * environment variables BACKEND_PRIORITY_CPU/GPU) would quietly fall back to the CPU when CUDA cannot start and
 * would take the GPU even when the config says cpu; convlab decides here and then shows ND4J only that backend.
 *
 * @param backend CPU or CUDA, never AUTO
 * @param note    one line for the person when auto chose, or the empty string
 */
public record BackendSelection(BackendKind backend, String note) {

    public BackendSelection {
        if (backend == BackendKind.AUTO) {
            throw new IllegalArgumentException("a selection is CPU or CUDA");
        }
    }

    /** The GPU is only probed when the answer matters: CUDA built in and CUDA or auto asked for. */
    public static BackendSelection decide(BackendKind requested, BackendClasspath classpath, GpuProbe gpu) {
        switch (requested) {
            case CPU:
                return new BackendSelection(BackendKind.CPU, "");
            case CUDA: {
                if (!classpath.hasCuda()) {
                    throw new BadInput("backend: cuda", "this convlab was built without the CUDA backend"
                            + " (nd4j-cuda-11.6 is not on the classpath)",
                            "rebuild with 'mvn -Pcuda package', or set backend: cpu or auto");
                }
                GpuProbe.Answer answer = gpu.probe();
                if (!answer.found()) {
                    throw new BadInput("backend: cuda", "no NVIDIA GPU answered (" + answer.detail() + ")",
                            "install the NVIDIA driver for CUDA 11.6, or set backend: cpu or auto");
                }
                return new BackendSelection(BackendKind.CUDA, "");
            }
            case AUTO: {
                if (!classpath.hasCuda()) {
                    return new BackendSelection(BackendKind.CPU,
                            "backend auto: using the CPU; this convlab was built without CUDA (rebuild with -Pcuda)");
                }
                GpuProbe.Answer answer = gpu.probe();
                if (!answer.found()) {
                    return new BackendSelection(BackendKind.CPU,
                            "backend auto: using the CPU; CUDA is built in but no NVIDIA GPU answered ("
                                    + answer.detail() + ")");
                }
                return new BackendSelection(BackendKind.CUDA, "backend auto: using CUDA (" + answer.detail() + ")");
            }
            default:
                throw new IllegalArgumentException("unknown backend " + requested);
        }
    }
}
