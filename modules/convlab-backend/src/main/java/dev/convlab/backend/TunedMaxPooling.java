package dev.convlab.backend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DL4J's max-pooling layer, run on whichever of two kernels is faster for its input: oneDNN's or libnd4j's own.
 *
 * <p>Why: for a plain NCHW array oneDNN 2.x uses its fast JIT pooling kernel only while one block of the image
 * ((ih*iw + oh*ow) * 16 channels * 4 bytes with AVX-512) fits its per-core L3 share; above that it falls back to
 * a reference loop ({@code simple_nchw} in DNNL_VERBOSE), and its backward pass recomputes the forward one. On the
 * cats-vs-dogs CNN's first pooling layer (32x32x148x148) that was 100 ms forward and 140 ms backward per step
 * against 22 and 62 ms for libnd4j's kernel, while on the 72x72 layer after it oneDNN is 2-3 times faster. The
 * cutoff depends on the CPU's cache, so it is measured, not guessed: on the first batch of each input shape the
 * layer times forward plus backward both ways (outside the training workspaces, two rounds each after one
 * untimed) and keeps the faster.
 *
 * <p>Both kernels give bit-identical outputs and gradients, ties included (both send a window's gradient to its
 * first maximum; FastPathNetworkTest checks it on 0/1 inputs), so the choice never changes a number and seeded
 * runs stay reproducible. libnd4j has no per-op switch reachable from DL4J's layer, so its process-wide helper
 * switch is turned off for the length of the layer's call and restored; another thread's ND4J op in that window
 * (the data prefetch thread) would also run without oneDNN, which changes its speed, not its result.
 */
final class TunedMaxPooling extends SubsamplingLayer {
    private static final Logger log = LoggerFactory.getLogger(TunedMaxPooling.class);
    private static final int TIMED_ROUNDS = 2;

    /** Input shape → true when libnd4j's own kernel was faster. */
    private final Map<List<Long>, Boolean> builtinFaster = new HashMap<>();

    TunedMaxPooling(SubsamplingLayer original, DataType dataType) {
        super(original.conf(), dataType);
        setListeners(original.getListeners());
        setIndex(original.getIndex());
        setParamTable(original.paramTable());
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        return builtinFaster() ? withoutOneDnn(() -> super.activate(training, workspaceMgr))
                : super.activate(training, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        return builtinFaster() ? withoutOneDnn(() -> super.backpropGradient(epsilon, workspaceMgr))
                : super.backpropGradient(epsilon, workspaceMgr);
    }

    /** For tests: the forward pass on oneDNN's kernel or on libnd4j's. */
    INDArray activateWith(boolean oneDnn, LayerWorkspaceMgr workspaceMgr) {
        return oneDnn ? super.activate(true, workspaceMgr) : withoutOneDnn(() -> super.activate(true, workspaceMgr));
    }

    /** For tests: the input gradient on oneDNN's kernel or on libnd4j's. */
    INDArray backpropWith(boolean oneDnn, INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        return (oneDnn ? super.backpropGradient(epsilon, workspaceMgr)
                : withoutOneDnn(() -> super.backpropGradient(epsilon, workspaceMgr))).getSecond();
    }

    /** The decision for the current input's shape, measured the first time the shape is seen. */
    boolean builtinFaster() {
        if (input == null) {
            return false;
        }
        return builtinFaster.computeIfAbsent(Arrays.stream(input.shape()).boxed().toList(), shape -> measure());
    }

    /** Which kernel runs, per input shape timed so far, e.g. "max pooling on libnd4j's kernel for 32x32x148x148". */
    String describe() {
        if (builtinFaster.isEmpty()) {
            return "max pooling kernel not timed yet (it is on the first batch)";
        }
        List<String> parts = new ArrayList<>();
        builtinFaster.forEach((shape, builtin) -> parts.add((builtin ? "libnd4j's" : "oneDNN's") + " kernel for "
                + shape.stream().map(String::valueOf).collect(Collectors.joining("x"))));
        return "max pooling on " + String.join("; ", parts);
    }

    private boolean measure() {
        long oneDnn = Long.MAX_VALUE;
        long builtin = Long.MAX_VALUE;
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            LayerWorkspaceMgr plain = LayerWorkspaceMgr.noWorkspaces();
            for (int round = 0; round <= TIMED_ROUNDS; round++) {
                long a = timeBoth(plain);
                long b = withoutOneDnn(() -> timeBoth(plain));
                if (round > 0) { // the first round creates oneDNN's primitives and warms the caches
                    oneDnn = Math.min(oneDnn, a);
                    builtin = Math.min(builtin, b);
                }
            }
        }
        boolean faster = builtin < oneDnn;
        log.debug("max pooling '{}' on {}: {} kernel ({} ms forward+backward, the other {} ms)",
                conf().getLayer().getLayerName(), Arrays.toString(input.shape()), faster ? "libnd4j's" : "oneDNN's",
                String.format("%.1f", Math.min(oneDnn, builtin) / 1e6),
                String.format("%.1f", Math.max(oneDnn, builtin) / 1e6));
        return faster;
    }

    /** Nanoseconds of one forward and one backward pass on the current input; the results are dropped. */
    private long timeBoth(LayerWorkspaceMgr plain) {
        long start = System.nanoTime();
        INDArray out = super.activate(true, plain);
        Pair<Gradient, INDArray> back = super.backpropGradient(out, plain);
        long elapsed = System.nanoTime() - start;
        out.close();
        back.getSecond().close();
        return elapsed;
    }

    /** Runs {@code work} with libnd4j's platform helpers (oneDNN) off, process-wide, then restores the switch. */
    static <T> T withoutOneDnn(Supplier<T> work) {
        Environment env = Nd4j.getEnvironment();
        boolean was = env.helpersAllowed();
        env.allowHelpers(false);
        try {
            return work.get();
        } finally {
            env.allowHelpers(was);
        }
    }
}
