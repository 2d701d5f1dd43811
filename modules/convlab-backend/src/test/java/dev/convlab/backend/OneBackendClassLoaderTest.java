package dev.convlab.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4jBackend;

/**
 * ND4J's real service lookup (ServiceLoader over Nd4jBackend) against the real nd4j-native jar plus a stand-in for
 * nd4j-cuda's jar: a folder with only its service file, since the CUDA jar is not on this build's class path.
 */
class OneBackendClassLoaderTest {

    private static URLClassLoader withFakeCudaJar(Path dir) throws IOException {
        Path service = dir.resolve(OneBackendClassLoader.SERVICE);
        Files.createDirectories(service.getParent());
        Files.writeString(service, "# nd4j-cuda's service file\n" + BackendClasspath.CUDA_BACKEND + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, OneBackendClassLoaderTest.class.getClassLoader());
    }

    @Test
    void keepingTheCpuHidesTheOtherBackend(@TempDir Path dir) throws IOException {
        try (URLClassLoader both = withFakeCudaJar(dir)) {
            assertThrows(ServiceConfigurationError.class,
                    () -> ServiceLoader.load(Nd4jBackend.class, both).forEach(b -> { }),
                    "unfiltered, ND4J would try the CUDA backend too");

            ClassLoader cpuOnly = new OneBackendClassLoader(both, BackendClasspath.CPU_BACKEND);
            List<String> found = ServiceLoader.load(Nd4jBackend.class, cpuOnly).stream()
                    .map(p -> p.type().getName()).toList();
            assertEquals(List.of(BackendClasspath.CPU_BACKEND), found);
        }
    }

    @Test
    void keepingCudaHidesTheCpu(@TempDir Path dir) throws IOException {
        try (URLClassLoader both = withFakeCudaJar(dir)) {
            ClassLoader cudaOnly = new OneBackendClassLoader(both, BackendClasspath.CUDA_BACKEND);
            List<URL> files = Collections.list(cudaOnly.getResources(OneBackendClassLoader.SERVICE));
            assertEquals(1, files.size());
            assertEquals(Set.of(BackendClasspath.CUDA_BACKEND), OneBackendClassLoader.providers(files.get(0)));
        }
    }

    @Test
    void classesAndOtherResourcesComeFromTheParent(@TempDir Path dir) throws Exception {
        try (URLClassLoader both = withFakeCudaJar(dir)) {
            ClassLoader cpuOnly = new OneBackendClassLoader(both, BackendClasspath.CPU_BACKEND);
            assertSame(Nd4jBackend.class, cpuOnly.loadClass(Nd4jBackend.class.getName()));
            assertFalse(Collections.list(cpuOnly.getResources("META-INF/MANIFEST.MF")).isEmpty());
        }
    }
}
