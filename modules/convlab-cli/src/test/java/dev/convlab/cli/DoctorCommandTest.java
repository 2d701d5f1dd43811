package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DoctorCommandTest {
    @Test
    void reportsBackendNativeBuildHelpersThreadsAndMemoryLimits() {
        Cli cli = Cli.run("doctor");
        assertEquals(0, cli.exit(), cli.toString());
        for (String key : new String[] {"backend", "native build", "oneDNN helpers", "threads", "off-heap limits"}) {
            assertTrue(cli.out().lines().anyMatch(l -> l.startsWith(key)), key + " missing:\n" + cli.out());
        }
        // this machine's CPU has AVX-512 and convlab ships the oneDNN builds: the fast path must be what runs
        if (cli.out().contains("avx512f")) {
            assertTrue(cli.out().contains("loaded linux-x86_64-onednn-avx512"), cli.out());
            assertTrue(cli.out().lines().anyMatch(l -> l.startsWith("oneDNN helpers") && l.contains(" on ")), cli.out());
        }
    }
}
