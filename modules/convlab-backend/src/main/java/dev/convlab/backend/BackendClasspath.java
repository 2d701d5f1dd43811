package dev.convlab.backend;

/**
 * Which ND4J backends this build of convlab carries. nd4j-native is always there; nd4j-cuda only in a build made
 * with {@code -Pcuda}. An interface so the backend decision can be tested without either jar being swapped.
 */
@FunctionalInterface
public interface BackendClasspath {

    String CPU_BACKEND = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";
    String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";

    boolean hasCuda();

    /** Looks for the class file, so nothing is loaded or initialised. */
    static BackendClasspath of(ClassLoader loader) {
        return () -> loader.getResource(CUDA_BACKEND.replace('.', '/') + ".class") != null;
    }
}
