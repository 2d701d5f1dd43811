package dev.convlab.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.BackendKind;
import dev.convlab.config.BadInput;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The decision table with convlab's own probes standing in for the class path and the GPU. What no test here can
 * run: ND4J actually starting CUDA (no GPU and no nd4j-cuda natives on this machine), so the CUDA paths of
 * Backends.init (OneBackendClassLoader keeping JCublasBackend, a failing CUDA start turned into BadInput) and
 * NvidiaGpuProbe finding a GPU are unexercised.
 */
class BackendSelectionTest {

    private static final BackendClasspath WITH_CUDA = () -> true;
    private static final BackendClasspath WITHOUT_CUDA = () -> false;

    private static final class CountingProbe implements GpuProbe {
        final AtomicInteger calls = new AtomicInteger();
        final boolean found;

        CountingProbe(boolean found) {
            this.found = found;
        }

        @Override
        public Answer probe() {
            calls.incrementAndGet();
            return new Answer(found, found ? "GPU 0: NVIDIA Test" : "no driver");
        }
    }

    @Test
    void cpuIsCpuWithoutAskingTheGpu() {
        CountingProbe gpu = new CountingProbe(true);
        BackendSelection s = BackendSelection.decide(BackendKind.CPU, WITH_CUDA, gpu);
        assertEquals(BackendKind.CPU, s.backend());
        assertEquals("", s.note());
        assertEquals(0, gpu.calls.get());
    }

    @Test
    void cudaWithoutTheJarSaysToRebuildWithProfileCuda() {
        CountingProbe gpu = new CountingProbe(true);
        BadInput e = assertThrows(BadInput.class, () -> BackendSelection.decide(BackendKind.CUDA, WITHOUT_CUDA, gpu));
        assertEquals("backend: cuda", e.where());
        assertTrue(e.fix().contains("-Pcuda"), e.oneLine());
        assertEquals(0, gpu.calls.get());
    }

    @Test
    void cudaWithoutAGpuIsBadInput() {
        BadInput e = assertThrows(BadInput.class,
                () -> BackendSelection.decide(BackendKind.CUDA, WITH_CUDA, new CountingProbe(false)));
        assertTrue(e.why().contains("no NVIDIA GPU answered (no driver)"), e.oneLine());
    }

    @Test
    void cudaWithJarAndGpuIsCuda() {
        assertEquals(BackendKind.CUDA,
                BackendSelection.decide(BackendKind.CUDA, WITH_CUDA, new CountingProbe(true)).backend());
    }

    @Test
    void autoPrefersAnAnsweringGpu() {
        BackendSelection s = BackendSelection.decide(BackendKind.AUTO, WITH_CUDA, new CountingProbe(true));
        assertEquals(BackendKind.CUDA, s.backend());
        assertTrue(s.note().contains("GPU 0: NVIDIA Test"));
    }

    @Test
    void autoFallsBackToTheCpuAndSaysWhy() {
        CountingProbe gpu = new CountingProbe(true);
        BackendSelection noJar = BackendSelection.decide(BackendKind.AUTO, WITHOUT_CUDA, gpu);
        assertEquals(BackendKind.CPU, noJar.backend());
        assertTrue(noJar.note().contains("built without CUDA"), noJar.note());
        assertEquals(0, gpu.calls.get(), "no jar, no point probing");

        BackendSelection noGpu = BackendSelection.decide(BackendKind.AUTO, WITH_CUDA, new CountingProbe(false));
        assertEquals(BackendKind.CPU, noGpu.backend());
        assertTrue(noGpu.note().contains("no NVIDIA GPU answered"), noGpu.note());
        assertEquals(1, noGpu.note().lines().count());
    }

    /** Whatever this machine has, the real probe answers, with a reason, and without starting CUDA. */
    @Test
    void theRealProbeAnswers() {
        GpuProbe.Answer answer = new NvidiaGpuProbe().probe();
        assertFalse(answer.detail().isBlank());
    }
}
