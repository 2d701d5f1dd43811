package dev.convlab.backend.testing;

import dev.convlab.backend.Backends;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Assumptions;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Switches between the fast path and DL4J's built-in path inside one JVM, for tests that compare the two (shipped
 * in the test-jar). Two switches make up the path: DL4J's layer helpers, whose system property DL4J reads when a
 * layer is built (so a network keeps the helpers it was built with), and libnd4j's platform helpers
 * (Environment.allowHelpers), which decide per op, process-wide, whether libnd4j may hand an op to oneDNN. Run the
 * building and every use of a network inside {@link #with} with the same setting.
 */
public final class FastPathSwitch {
    private FastPathSwitch() {
    }

    /** Runs {@code body} with DL4J's layer helpers and libnd4j's platform helpers both on or both off. */
    public static <T> T with(boolean fast, Supplier<T> body) {
        String before = System.getProperty(Backends.HELPERS_DISABLE_PROPERTY);
        boolean nativeBefore = Nd4j.getEnvironment().helpersAllowed();
        System.setProperty(Backends.HELPERS_DISABLE_PROPERTY, Boolean.toString(!fast));
        Nd4j.getEnvironment().allowHelpers(fast);
        try {
            return body.get();
        } finally {
            if (before == null) {
                System.clearProperty(Backends.HELPERS_DISABLE_PROPERTY);
            } else {
                System.setProperty(Backends.HELPERS_DISABLE_PROPERTY, before);
            }
            Nd4j.getEnvironment().allowHelpers(nativeBefore);
        }
    }

    /**
     * Layer index → the simple class name of the helper that layer holds, with " (failed N times)" when DL4J fell
     * back to its built-in code after the helper threw (DL4J's {@code helperCountFail}); layers without a helper
     * are left out. Holding a helper that never failed, after a forward and backward pass, is what "on the fast
     * path" means for a layer.
     */
    public static Map<Integer, String> helpers(MultiLayerNetwork net) {
        Map<Integer, String> out = new TreeMap<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer layer = net.getLayer(i);
            if (layer.getHelper() != null) {
                int failures = helperFailures(layer);
                out.put(i, layer.getHelper().getClass().getSimpleName()
                        + (failures > 0 ? " (failed " + failures + " times)" : ""));
            }
        }
        return out;
    }

    /** How often {@code layer}'s helper threw and DL4J fell back (after the first time it stops asking it). */
    public static int helperFailures(Layer layer) {
        for (Class<?> c = layer.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField("helperCountFail");
                f.setAccessible(true);
                return f.getInt(layer);
            } catch (NoSuchFieldException e) {
                // keep looking in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read helperCountFail of " + layer.getClass(), e);
            }
        }
        return 0;
    }

    /** Skips the calling test when the loaded nd4j-native build has no oneDNN: there is no fast path to compare. */
    public static void assumeOneDnnBuild() {
        Assumptions.assumeTrue(Nd4j.getBackend().buildInfo().contains("HAVE_ONEDNN"),
                "the loaded nd4j-native build has no oneDNN (native build "
                        + Backends.setup().map(s -> String.valueOf(s.variant())).orElse("unknown")
                        + ": CONVLAB_FAST=0, or a CPU or platform without a oneDNN build), so there is no fast path");
    }
}
