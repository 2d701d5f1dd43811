package dev.convlab.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.backend.testing.FastPathSwitch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One configuration built twice in one JVM: once on the fast path (DL4J's oneDNN layer helpers, libnd4j's oneDNN
 * ops) and once on DL4J's built-in path (no layer helpers; libnd4j's platform helpers off, so no oneDNN code runs at
 * all), with the same parameters. DL4J reads its helper switch when a layer is built, so the two networks keep
 * different helpers; libnd4j's switch is process-wide and read per op, so it is set around every call.
 *
 * <p>Every helper of the fast network is wrapped in a {@link HelperProbe}, so a test can assert that oneDNN really
 * computed what it compares, and not DL4J's silent fallback.
 */
final class FastAndBuiltIn {

    final MultiLayerNetwork fast;
    final MultiLayerNetwork builtin;
    final HelperProbe probe;

    private FastAndBuiltIn(MultiLayerNetwork fast, MultiLayerNetwork builtin) {
        this.fast = fast;
        this.builtin = builtin;
        this.probe = HelperProbe.install(fast);
    }

    /**
     * Builds the pair from a fresh configuration for each (a configuration holds per-network state, e.g. dropout
     * masks, so the two must not share one); the built-in network gets the fast one's parameters.
     * Skips the calling test when the loaded native build has no oneDNN.
     */
    static FastAndBuiltIn of(Supplier<MultiLayerConfiguration> configuration) {
        FastPathSwitch.assumeOneDnnBuild();
        MultiLayerNetwork fast = withHelpers(true, () -> init(configuration.get()));
        MultiLayerNetwork builtin = withHelpers(false, () -> init(configuration.get()));
        builtin.setParams(fast.params().dup());
        for (int i = 0; i < builtin.getnLayers(); i++) {
            assertNull(builtin.getLayer(i).getHelper(), "built-in network, layer " + i + " holds a helper");
        }
        return new FastAndBuiltIn(fast, builtin);
    }

    /** Sets new parameters on both networks (e.g. batch-norm statistics that are not 0 and 1). */
    void setParams(INDArray params) {
        fast.setParams(params);
        builtin.setParams(params.dup());
    }

    /** Asserts that layer {@code index} of the fast network holds a oneDNN helper that returned results. */
    void assertOneDnnComputed(int index, String... methods) {
        assertTrue(probe.helperClass(index).startsWith("MKLDNN"), "layer " + index + ": " + probe);
        assertEquals(0, FastPathSwitch.helperFailures(fast.getLayer(index)),
                "layer " + index + ": the oneDNN helper failed; " + probe);
        for (String method : methods) {
            assertTrue(probe.results(index, method) > 0, "layer " + index + ": the oneDNN helper never returned a "
                    + "result from " + method + ", so DL4J used its built-in code; " + probe);
        }
    }

    /**
     * Asserts that layer {@code index} of the fast network holds a oneDNN helper that failed, so that DL4J computed
     * everything with its built-in code instead (and logged a warning).
     */
    void assertOneDnnFellBack(int index, String why) {
        assertTrue(probe.helperClass(index).startsWith("MKLDNN"), "layer " + index + ": " + probe);
        int failures = FastPathSwitch.helperFailures(fast.getLayer(index));
        assertTrue(failures > 0 && probe.results(index, "preOutput") == 0 && probe.results(index,
                "backpropGradient") == 0, "layer " + index + " was expected to fall back to DL4J's built-in code ("
                + why + "), but the helper failed " + failures + " times and returned results: " + probe
                + ". If oneDNN now handles this case, move it to the cases that must run on oneDNN.");
    }

    <T> T onFast(Function<MultiLayerNetwork, T> body) {
        return withHelpers(true, () -> body.apply(fast));
    }

    <T> T onBuiltIn(Function<MultiLayerNetwork, T> body) {
        return withHelpers(false, () -> body.apply(builtin));
    }

    /** Activations of every layer (index 0 is the input), with ND4J's generator seeded first (dropout). */
    static Function<MultiLayerNetwork, List<INDArray>> forward(INDArray input, boolean training, long seed) {
        return net -> {
            Nd4j.getRandom().setSeed(seed);
            List<INDArray> out = new ArrayList<>();
            for (INDArray a : net.feedForward(input, training)) {
                out.add(a.dup());
            }
            return out;
        };
    }

    /**
     * Gradients of the loss: every parameter ("0_W", "1_gamma", ...) and, under "input", the gradient with respect to
     * the input (what saliency maps are made of).
     */
    static Function<MultiLayerNetwork, Map<String, INDArray>> gradients(INDArray input, INDArray labels, long seed) {
        return net -> {
            Nd4j.getRandom().setSeed(seed);
            Pair<Gradient, INDArray> p = net.calculateGradients(input, labels, null, null);
            Map<String, INDArray> out = new LinkedHashMap<>();
            p.getFirst().gradientForVariable().forEach((k, v) -> out.put(k, v.dup()));
            out.put("input", p.getSecond().dup());
            return out;
        };
    }

    /** Flattened parameters before and after each of {@code steps} fit calls; the generator is seeded per step. */
    static Function<MultiLayerNetwork, List<INDArray>> train(INDArray input, INDArray labels, int steps, long seed) {
        return net -> {
            List<INDArray> out = new ArrayList<>();
            out.add(net.params().dup());
            for (int i = 0; i < steps; i++) {
                Nd4j.getRandom().setSeed(seed + i);
                net.fit(input, labels);
                out.add(net.params().dup());
            }
            return out;
        };
    }

    /**
     * Evenly spaced, pairwise distinct values in [−2, 2) in a seeded random order: zero mean, both signs (so max
     * pooling over padding cannot hide behind zeros), and no ties, so a max-pooling argmax is unambiguous.
     */
    static INDArray distinctInput(long seed, long... shape) {
        long length = 1;
        for (long d : shape) {
            length *= d;
        }
        int n = Math.toIntExact(length);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = -2f + 4f * i / n;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
        return Nd4j.create(values, shape, 'c');
    }

    /** Regression targets in [−1, 1), seeded. */
    static INDArray targets(long seed, int rows, int columns) {
        Random random = new Random(seed);
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return Nd4j.create(values, new long[] {rows, columns}, 'c');
    }

    private static MultiLayerNetwork init(MultiLayerConfiguration conf) {
        MultiLayerNetwork n = new MultiLayerNetwork(conf);
        n.init();
        return n;
    }

    /** Runs {@code body} on the fast path or the built-in path (see {@link FastPathSwitch}). */
    static <T> T withHelpers(boolean on, Supplier<T> body) {
        return FastPathSwitch.with(on, body);
    }
}
