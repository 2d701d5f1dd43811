package dev.convlab.backend;

import static dev.convlab.backend.NativeVariant.ONEDNN;
import static dev.convlab.backend.NativeVariant.ONEDNN_AVX2;
import static dev.convlab.backend.NativeVariant.ONEDNN_AVX512;
import static dev.convlab.backend.NativeVariant.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeVariantTest {

    private static final Set<NativeVariant> ALL = EnumSet.allOf(NativeVariant.class);
    private static final String BASE = "fpu sse sse2 ssse3 sse4_1 sse4_2 popcnt";
    private static final String SANDY_BRIDGE = BASE + " avx";
    private static final String HASWELL = SANDY_BRIDGE + " avx2 fma f16c bmi2";
    private static final String SKYLAKE_X = HASWELL + " avx512f avx512cd avx512bw avx512dq avx512vl";
    /** Knights Landing: AVX-512 F and CD but not BW/DQ/VL, which the avx512 build (skylake-avx512) needs. */
    private static final String KNIGHTS_LANDING = HASWELL + " avx512f avx512cd avx512er avx512pf";
    /** Zen 4 as /proc/cpuinfo shows it, with the avx512_* spellings beside the five the build needs. */
    private static final String ZEN4 = HASWELL + " avx512f avx512dq avx512ifma avx512cd avx512bw avx512vl"
            + " avx512_bf16 avx512vbmi avx512_vbmi2 avx512_vnni avx512_bitalg avx512_vpopcntdq";

    private static CpuFlags cpu(String flags) {
        return CpuFlags.parseCpuinfo("flags\t: " + flags + "\n", "test");
    }

    @Test
    void fastPathTakesTheBestBuildTheCpuCanRun() {
        assertEquals(ONEDNN_AVX512, NativeVariant.choose(cpu(SKYLAKE_X), ALL, true));
        assertEquals(ONEDNN_AVX512, NativeVariant.choose(cpu(ZEN4), ALL, true));
        assertEquals(ONEDNN_AVX2, NativeVariant.choose(cpu(KNIGHTS_LANDING), ALL, true));
        assertEquals(ONEDNN_AVX2, NativeVariant.choose(cpu(HASWELL), ALL, true));
        assertEquals(ONEDNN, NativeVariant.choose(cpu(SANDY_BRIDGE), ALL, true));
        assertEquals(ONEDNN, NativeVariant.choose(cpu(BASE), ALL, true));
    }

    @Test
    void avx2WithoutFmaIsNotEnough() {
        assertEquals(ONEDNN, NativeVariant.choose(cpu(SANDY_BRIDGE + " avx2"), ALL, true));
    }

    @Test
    void unknownFlagsGetTheBaselineOneDnnBuild() {
        assertEquals(ONEDNN, NativeVariant.choose(CpuFlags.unknown("not Linux"), ALL, true));
    }

    @Test
    void onlyBuildsThatArePresentAreChosen() {
        assertEquals(ONEDNN_AVX2, NativeVariant.choose(cpu(SKYLAKE_X), EnumSet.of(PLAIN, ONEDNN, ONEDNN_AVX2), true));
        assertEquals(ONEDNN, NativeVariant.choose(cpu(SKYLAKE_X), EnumSet.of(PLAIN, ONEDNN), true));
        assertEquals(PLAIN, NativeVariant.choose(cpu(SKYLAKE_X), EnumSet.of(PLAIN), true));
        assertEquals(PLAIN, NativeVariant.choose(cpu(SANDY_BRIDGE), EnumSet.of(PLAIN, ONEDNN_AVX2), true));
    }

    @Test
    void switchOffMeansThePlainBuild() {
        assertEquals(PLAIN, NativeVariant.choose(cpu(SKYLAKE_X), ALL, false));
        assertEquals(ONEDNN, NativeVariant.choose(cpu(SKYLAKE_X), EnumSet.of(ONEDNN, ONEDNN_AVX512), false),
                "without a plain build, the baseline oneDNN one (run without helpers)");
    }

    @Test
    void findsBuildsByTheirLibraryFolder(@TempDir Path dir) throws IOException {
        String lib = System.mapLibraryName("jnind4jcpu");
        for (String folder : new String[] {"linux-x86_64", "linux-x86_64-onednn-avx2", "macosx-arm64-onednn"}) {
            Path f = dir.resolve("org/nd4j/linalg/cpu/nativecpu/bindings/" + folder + "/" + lib);
            Files.createDirectories(f.getParent());
            Files.write(f, new byte[0]);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertEquals(EnumSet.of(PLAIN, ONEDNN_AVX2), NativeVariant.available("linux-x86_64", loader));
            assertEquals(EnumSet.of(ONEDNN), NativeVariant.available("macosx-arm64", loader));
        }
    }
}
