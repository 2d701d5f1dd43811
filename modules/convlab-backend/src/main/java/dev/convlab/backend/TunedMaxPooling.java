package dev.convlab.backend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
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
 * cutoff depends on the CPU's cache, so it is measured, not guessed: for each input shape (and training or
 * inference) the layer's own calls alternate between the kernels and are timed, and the faster is kept
 * ({@link KernelTrial}: twice, the second time 10 s after the first, once the JIT compiler is done). A training
 * batch's forward and backward calls run on the same kernel and count as one time.
 *
 * <p>Both kernels give bit-identical outputs and gradients, ties included (both send a window's gradient to its
 * first maximum; FastPathNetworkTest checks it on 0/1 inputs), so the choice never changes a number and seeded
 * runs stay reproducible. libnd4j has no per-op switch reachable from DL4J's layer, so its process-wide helper
 * switch is turned off for the length of the layer's call and restored; another thread's ND4J op in that window
 * (the data prefetch thread) would also run without oneDNN, which changes its speed, not its result.
 */
final class TunedMaxPooling extends SubsamplingLayer {
    private static final Logger log = LoggerFactory.getLogger(TunedMaxPooling.class);

    /** Input shape and training (true) or inference → the trial of the two kernels for it. */
    private final Map<List<Object>, KernelTrial> trials = new LinkedHashMap<>(); // describe() in the order seen
    /** The trial whose training forward call ran last and still waits for its backward call, or null. */
    private KernelTrial pending;
    private boolean pendingBuiltin;
    private long pendingNanos;

    TunedMaxPooling(SubsamplingLayer original, DataType dataType) {
        super(original.conf(), dataType);
        setListeners(original.getListeners());
        setIndex(original.getIndex());
        setParamTable(original.paramTable());
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (input == null) {
            return super.activate(training, workspaceMgr); // DL4J's own error
        }
        List<Object> key = new ArrayList<>();
        Arrays.stream(input.shape()).forEach(key::add);
        key.add(training);
        KernelTrial trial = trials.computeIfAbsent(key, k -> new KernelTrial());
        long start = System.nanoTime();
        boolean builtin = trial.nextBuiltin(start);
        boolean timing = trial.timing();
        INDArray out = builtin ? withoutOneDnn(() -> super.activate(training, workspaceMgr))
                : super.activate(training, workspaceMgr);
        long end = System.nanoTime();
        pending = null;
        if (training) {
            // the backward call runs on the same kernel; a timed batch is recorded once it is done
            pending = trial;
            pendingBuiltin = builtin;
            pendingNanos = timing ? end - start : -1;
        } else if (timing) {
            recordAndLog(trial, builtin, end - start, end);
        }
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        KernelTrial trial = pending;
        pending = null;
        boolean builtin = trial != null ? pendingBuiltin : false;
        long start = System.nanoTime();
        Pair<Gradient, INDArray> out = builtin ? withoutOneDnn(() -> super.backpropGradient(epsilon, workspaceMgr))
                : super.backpropGradient(epsilon, workspaceMgr);
        long end = System.nanoTime();
        if (trial != null && pendingNanos >= 0) {
            recordAndLog(trial, builtin, pendingNanos + end - start, end);
        }
        return out;
    }

    private void recordAndLog(KernelTrial trial, boolean builtin, long nanos, long now) {
        int before = trial.trialsDone();
        trial.record(builtin, nanos, now);
        if (trial.trialsDone() > before && log.isDebugEnabled()) {
            double[] best = trial.bestMillis();
            log.debug("max pooling '{}' on {}: {} kernel after trial {} (best {} ms oneDNN, {} ms libnd4j)",
                    conf().getLayer().getLayerName(), Arrays.toString(input.shape()),
                    trial.builtinFaster() ? "libnd4j's" : "oneDNN's", trial.trialsDone(),
                    String.format("%.2f", best[0]), String.format("%.2f", best[1]));
        }
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

    /**
     * Which kernel runs, per input shape and mode seen so far, e.g. "max pooling on libnd4j's kernel for
     * 32x32x148x148 (training, timed twice)".
     */
    String describe() {
        if (trials.isEmpty()) {
            return "max pooling kernel not timed yet (it is on the first batches)";
        }
        List<String> parts = new ArrayList<>();
        trials.forEach((key, trial) -> {
            String shape = key.subList(0, key.size() - 1).stream().map(String::valueOf)
                    .collect(Collectors.joining("x"));
            String mode = Boolean.TRUE.equals(key.get(key.size() - 1)) ? "training" : "inference";
            String state = switch (trial.trialsDone()) {
                case 0 -> "being timed";
                case 1 -> "timed once";
                default -> "timed twice";
            };
            parts.add((trial.builtinFaster() ? "libnd4j's" : "oneDNN's") + " kernel for " + shape + " (" + mode
                    + ", " + state + ")");
        });
        return "max pooling on " + String.join("; ", parts);
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
