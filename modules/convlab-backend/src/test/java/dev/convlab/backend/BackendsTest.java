package dev.convlab.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.BackendKind;
import dev.convlab.config.BadInput;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/** This JVM as BackendSessionListener set it up: real ND4J, real DL4J, the machine's own CPU. */
class BackendsTest {

    private static BackendSetup setup() {
        return Backends.setup().orElseThrow(() -> new AssertionError("BackendSessionListener did not run"));
    }

    @Test
    void theSessionListenerInitialisedTheCpuBackendBeforeNdFourJLoaded() {
        BackendSetup s = setup();
        assertEquals(BackendKind.CPU, s.backend());
        assertFalse(s.late(), "ND4J was loaded before Backends.init: " + s.notes());
    }

    @Test
    void initIsIdempotentAndWillNotSwitchBackends() {
        BackendSetup s = setup();
        assertSame(s, Backends.init(BackendKind.AUTO));
        assertSame(s, Backends.init(BackendKind.CPU));
        BadInput e = assertThrows(BadInput.class, () -> Backends.init(BackendKind.CUDA));
        assertTrue(e.fix().contains("-Pcuda"), e.oneLine());
    }

    @Test
    void aConvolutionLayerGetsTheOneDnnHelper() {
        NativeVariant variant = setup().variant();
        if (variant == null || !variant.hasOneDnn()) {
            return; // a machine without a oneDNN build for its platform: nothing to check
        }
        MultiLayerNetwork net = new MultiLayerNetwork(HelperCheck.tinyNet());
        net.init();
        Object helper = net.getLayer(0).getHelper();
        assertTrue(helper instanceof MKLDNNConvHelper, String.valueOf(helper));
    }

    @Test
    void factsDescribeWhatWasLoaded() {
        BackendFacts f = BackendFacts.collect();
        BackendSetup s = setup();
        assertEquals("CPU", f.backend());
        assertEquals(f.platform() + s.variant().extension(), f.variantLoaded());
        assertTrue(f.nativeLibrary().contains(f.variantLoaded()), f.nativeLibrary());
        assertEquals("1.0.0-M2.1", f.nd4jVersion());
        assertEquals("1.0.0-M2.1", f.dl4jVersion());
        assertEquals(s.variant().hasOneDnn(), f.oneDnnHelpers(), f.layerHelpers().toString());
        assertTrue(f.threads() >= 1);
        if (s.helpersAsked()) {
            assertEquals(1, f.blasThreads(), "OpenBLAS beside oneDNN");
        }
        assertTrue(f.maxPhysicalBytes() > 0);

        Map<String, Object> m = f.toMap();
        assertEquals(List.of("backend", "requested", "nd4j_version", "dl4j_version", "platform",
                "native_variant_asked", "native_variant_loaded", "native_library", "cpu_flags", "fast_path",
                "onednn_helpers", "layer_helpers", "threads", "threads_from", "blas_threads", "blas_vendor",
                "max_bytes", "max_physical_bytes", "physical_memory", "notes"), List.copyOf(m.keySet()));
        assertTrue(f.lines().get(0).startsWith("backend"), f.lines().get(0));
        f.lines().forEach(System.out::println);
    }
}
