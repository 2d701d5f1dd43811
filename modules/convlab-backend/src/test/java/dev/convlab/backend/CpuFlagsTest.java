package dev.convlab.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CpuFlagsTest {

    private static final String X86 = """
            processor	: 0
            vendor_id	: GenuineIntel
            flags		: fpu sse sse2 ssse3 sse4_1 sse4_2 avx f16c fma avx2 bmi2
            bugs		: spectre_v1

            processor	: 1
            flags		: fpu sse sse2 avx512f
            """;

    private static final String ARM = """
            processor	: 0
            BogoMIPS	: 50.00
            Features	: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics
            """;

    @Test
    void readsTheFirstProcessorsFlags() {
        CpuFlags cpu = CpuFlags.parseCpuinfo(X86, "test");
        assertTrue(cpu.known());
        assertTrue(cpu.hasAll(Set.of("avx", "avx2", "fma")));
        assertFalse(cpu.flags().contains("avx512f"), "flags of processor 1 must not leak in");
        assertEquals("sse4_2 avx avx2 fma f16c", cpu.summary());
    }

    @Test
    void readsArmFeatures() {
        CpuFlags cpu = CpuFlags.parseCpuinfo(ARM, "test");
        assertTrue(cpu.flags().contains("asimd"));
        assertFalse(cpu.hasAll(Set.of("avx")));
    }

    @Test
    void unknownFlagsSatisfyNothing() {
        CpuFlags cpu = CpuFlags.parseCpuinfo("processor : 0\n", "empty");
        assertFalse(cpu.known());
        assertFalse(cpu.hasAll(Set.of("avx")));
        assertTrue(cpu.summary().startsWith("unknown"));
    }
}
