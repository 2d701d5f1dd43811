package dev.convlab.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.backend.testing.FastPathSwitch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer.PoolingType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The in-JVM comparisons prove that DL4J's oneDNN helpers returned the results; this proves, from oneDNN's own
 * report (DNNL_VERBOSE, which oneDNN reads once per process, hence the fresh JVM), that each configuration of
 * those tests ran as a oneDNN primitive with the intended geometry: batch, channels, sizes, kernel, stride and
 * top/left padding as oneDNN prints them (its dilation counts from 0). It also covers what no helper sees: in
 * DL4J M2.1 the pooling forward pass calls libnd4j's op directly, and only oneDNN's report shows that op ran in
 * oneDNN. {@link FastPathCasesMain} runs each configuration once on the fast path behind a {@code case=} line,
 * single-threaded like the comparisons (oneDNN may pick a different kernel for another thread count).
 */
class FastPathPrimitivesInFreshJvmTest {

    private static Map<String, List<String>> primitives;

    @BeforeAll
    static void runAllCasesWithOneDnnVerbose() throws IOException, InterruptedException {
        FastPathSwitch.assumeOneDnnBuild();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", "-Dconvlab.threads=1",
                FastPathCasesMain.class.getName());
        pb.environment().put("DNNL_VERBOSE", "1");
        pb.environment().put("ONEDNN_VERBOSE", "1");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "forked JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("onednn_build=true"), out);
        primitives = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : out.lines().toList()) {
            if (line.startsWith("case=")) {
                current = new ArrayList<>();
                primitives.put(line.substring(5), current);
            } else if (current != null && line.matches("(dnnl|onednn)_verbose,exec,cpu,.*")
                    && !line.contains(",reorder,")) {
                current.add(line);
            }
        }
        assertTrue(primitives.containsKey("end"), "the forked run did not finish all cases:\n" + out);
    }

    @Test
    void everyConvolutionRanInOneDnnForwardAndBackwardExceptDilated() {
        ConvolutionFastPathTest.cases().forEach(c -> {
            List<String> lines = primitives.get("conv " + c);
            int o = c.outSize();
            int pad = topPad(10, o, 3, c.stride(), c.dilation(), c.mode());
            String geometry = "mb4_ic3oc8_ih10oh" + o + "kh3sh" + c.stride() + "dh" + (c.dilation() - 1) + "ph" + pad
                    + "_iw10ow" + o + "kw3sw" + c.stride() + "dw" + (c.dilation() - 1) + "pw" + pad;
            if (c.runsOnOneDnn()) {
                for (String pass : List.of(",forward_", ",backward_data,", ",backward_weights,")) {
                    assertRan(lines, "conv " + c, ",convolution,", pass, geometry);
                }
            } else {
                assertTrue(lines.stream().noneMatch(l -> l.contains(",convolution,")),
                        "conv " + c + " was expected to fall back to DL4J's built-in code: " + lines);
            }
        });
    }

    @Test
    void everyPoolingRanInOneDnnForwardAndBackward() {
        PoolingFastPathTest.cases().forEach(c -> {
            List<String> lines = primitives.get("pool " + c);
            int o = c.outSize();
            int k = c.kernel();
            int pad = topPad(10, o, k, c.stride(), 1, c.mode());
            String geometry = "mb4ic3_ih10oh" + o + "kh" + k + "sh" + c.stride() + "dh0ph" + pad
                    + "_iw10ow" + o + "kw" + k + "sw" + c.stride() + "dw0pw" + pad;
            String algorithm = c.type() == PoolingType.MAX ? "alg:pooling_max," : "alg:pooling_avg_exclude_padding,";
            for (String pass : List.of(",forward_", ",backward_data,")) {
                assertRan(lines, "pool " + c, ",pooling", pass, algorithm + geometry);
            }
        });
    }

    @Test
    void everyBatchNormRanInOneDnnForwardAndBackward() {
        BatchNormFastPathTest.cases().forEach(c -> {
            List<String> lines = primitives.get("batch norm " + c);
            long[] s = c.shape();
            String geometry = "mb" + s[0] + "ic" + s[1] + "ih" + (c.maps() ? s[2] : 1) + "iw" + (c.maps() ? s[3] : 1)
                    + ",";
            for (String pass : List.of(",forward_", ",backward,")) {
                assertRan(lines, "batch norm " + c, ",batch_normalization,", pass, geometry);
            }
        });
    }

    private static void assertRan(List<String> lines, String what, String primitive, String pass, String geometry) {
        assertTrue(lines != null && lines.stream().anyMatch(l -> l.contains(primitive) && l.contains(pass)
                        && l.contains(geometry)),
                what + ": oneDNN reported no " + primitive + pass + " primitive with " + geometry + "; it ran: "
                        + lines);
    }

    /** TensorFlow's "same": the total padding, the smaller half on top/left; none for valid. */
    private static int topPad(int in, int out, int kernel, int stride, int dilation, ConvolutionMode mode) {
        if (mode != ConvolutionMode.Same) {
            return 0;
        }
        int effective = (kernel - 1) * dilation + 1;
        return Math.max((out - 1) * stride + effective - in, 0) / 2;
    }
}
