package dev.convlab.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The native build is fixed when ND4J loads, so the fast-path switch can only be seen whole in a fresh JVM: one with
 * it on, one with it off, each with DNNL_VERBOSE=1 so oneDNN itself reports the primitives it executes. This is the
 * check that oneDNN really runs, not just that DL4J holds helper objects.
 */
class FastSwitchInFreshJvmTest {

    private record Run(Map<String, String> facts, List<String> oneDnnExecs) {
    }

    private static Run fork(String convlabFast) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", FactsMain.class.getName());
        pb.environment().put("CONVLAB_FAST", convlabFast);
        pb.environment().put("DNNL_VERBOSE", "1");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "forked JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        Map<String, String> facts = new LinkedHashMap<>();
        out.lines().filter(l -> l.matches("[a-z_0-9]+=.*"))
                .forEach(l -> facts.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        List<String> execs = out.lines().filter(l -> l.matches("(dnnl|onednn)_verbose,exec,.*")).toList();
        return new Run(facts, execs);
    }

    @Test
    void onRunsOneDnnPrimitivesOffRunsNone() throws Exception {
        String platform = JavacppPlatform.current();
        NativeVariant expected = NativeVariant.choose(CpuFlags.ofThisMachine(),
                NativeVariant.available(platform, getClass().getClassLoader()), true);

        Run on = fork("1");
        assertEquals(platform + expected.extension(), on.facts().get("native_variant_loaded"), on.facts().toString());
        if (expected.hasOneDnn()) {
            assertEquals("true", on.facts().get("onednn_helpers"), on.facts().toString());
            for (String primitive : List.of("convolution", "pooling", "batch_normalization")) {
                assertTrue(on.oneDnnExecs().stream().anyMatch(l -> l.contains("," + primitive)),
                        "oneDNN never executed " + primitive + ": " + on.oneDnnExecs());
            }
        }

        Run off = fork("0");
        assertEquals(platform, off.facts().get("native_variant_loaded"), off.facts().toString());
        assertEquals("false", off.facts().get("onednn_helpers"));
        assertEquals(List.of(), off.oneDnnExecs());
    }
}
