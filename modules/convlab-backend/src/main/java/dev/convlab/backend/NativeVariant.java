package dev.convlab.backend;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The nd4j-native builds convlab can load, best first. JavaCPP picks one by the system property
 * {@code org.bytedeco.javacpp.platform.extension}; left alone it walks the extension list of ND4J's preset and takes
 * the first build present ({@code -onednn-avx2} with convlab's Linux jars, seen here on an AVX-512 machine) without
 * asking the CPU, and an AVX2 or AVX-512 build on a CPU without those instructions dies. So convlab always chooses,
 * from the CPU's flags and the jars present.
 */
public enum NativeVariant {
    /** libnd4j checks exactly these five AVX-512 subsets (skylake-avx512) in isMinimalRequirementsMet. */
    ONEDNN_AVX512("-onednn-avx512", true,
            Set.of("avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl")),
    ONEDNN_AVX2("-onednn-avx2", true, Set.of("avx", "avx2", "fma")),
    /** Built for the plain x86-64 baseline; oneDNN itself still picks its kernels at run time. */
    ONEDNN("-onednn", true, Set.of()),
    PLAIN("", false, Set.of());

    private static final List<NativeVariant> FAST_ORDER = List.of(ONEDNN_AVX512, ONEDNN_AVX2, ONEDNN);

    private final String extension;
    private final boolean oneDnn;
    private final Set<String> requiredFlags;

    NativeVariant(String extension, boolean oneDnn, Set<String> requiredFlags) {
        this.extension = extension;
        this.oneDnn = oneDnn;
        this.requiredFlags = requiredFlags;
    }

    /** The value for {@code org.bytedeco.javacpp.platform.extension}; empty for the plain build. */
    public String extension() {
        return extension;
    }

    public boolean hasOneDnn() {
        return oneDnn;
    }

    public Set<String> requiredFlags() {
        return requiredFlags;
    }

    /** For people: {@code -onednn-avx2}, or {@code plain}. */
    public String label() {
        return extension.isEmpty() ? "plain" : extension;
    }

    /**
     * The build to load. With the fast path on: the best oneDNN build that is present and whose instructions the
     * CPU has, else plain. With it off: plain (or, if only oneDNN builds exist, the baseline one, run without
     * helpers). Unknown flags count as the x86-64 baseline.
     */
    public static NativeVariant choose(CpuFlags cpu, Set<NativeVariant> available, boolean fast) {
        if (fast) {
            for (NativeVariant v : FAST_ORDER) {
                if (available.contains(v) && (v.requiredFlags.isEmpty() || cpu.hasAll(v.requiredFlags))) {
                    return v;
                }
            }
            return PLAIN;
        }
        return !available.contains(PLAIN) && available.contains(ONEDNN) ? ONEDNN : PLAIN;
    }

    /** Which builds are on the classpath: each jar holds its library in a folder named platform + extension. */
    public static Set<NativeVariant> available(String platform, ClassLoader loader) {
        Set<NativeVariant> found = EnumSet.noneOf(NativeVariant.class);
        String library = System.mapLibraryName("jnind4jcpu");
        for (NativeVariant v : values()) {
            if (loader.getResource(folder(platform, v) + library) != null) {
                found.add(v);
            }
        }
        return found;
    }

    static String folder(String platform, NativeVariant v) {
        return "org/nd4j/linalg/cpu/nativecpu/bindings/" + platform + v.extension + "/";
    }
}
