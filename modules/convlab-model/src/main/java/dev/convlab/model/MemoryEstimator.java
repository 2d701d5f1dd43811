package dev.convlab.model;

import dev.convlab.backend.BackendFacts;
import dev.convlab.backend.BackendSettings;
import dev.convlab.backend.BackendSetup;
import dev.convlab.backend.Backends;
import dev.convlab.config.layers.BatchNormalization;
import dev.convlab.config.layers.Conv2D;
import dev.convlab.config.layers.Dense;
import dev.convlab.config.optim.Adadelta;
import dev.convlab.config.optim.Adagrad;
import dev.convlab.config.optim.Adam;
import dev.convlab.config.optim.Adamax;
import dev.convlab.config.optim.Nadam;
import dev.convlab.config.optim.OptimizerSpec;
import dev.convlab.config.optim.RmsProp;
import dev.convlab.config.optim.Sgd;
import dev.convlab.model.TensorShape.Maps;
import dev.convlab.model.optim.Optimizers;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * Estimates the peak resident memory of a {@code convlab train} process (the kernel's high-water mark, VmHWM) at a
 * batch size: what the machine must supply, not only ND4J's arrays. Each term is a piece of memory DL4J 1.0.0-M2.1
 * really holds while training a {@code MultiLayerNetwork} with workspaces (its default), float32 (4 bytes) throughout.
 * With P the parameters, T the trainable ones, B the batch size, and per example {@code out(l)} and {@code in(l)} the
 * output and input sizes of DL4J layer l (flatten is not one):
 * <pre>
 *   runtime               128 MiB + heap        JVM, class data, ND4J/oneDNN/OpenBLAS libraries and thread buffers,
 *                                               plus the heap the JVM has committed (a long run touches all of it)
 *   parameters            4 P
 *   gradients             4 P                   one flat gradient array, as large as the parameters
 *   updater state         4 k T                 k arrays per parameter: sgd 0; momentum, rmsprop, adagrad 1;
 *                                               adam, adamax, nadam, adadelta 2; amsgrad 3
 *   activations           4 B sum out(l), l < last      workspace WS_ALL_LAYERS_ACT: every layer's output, kept for
 *                                                       backprop; with oneDNN also every trained conv2d's
 *                                                       pre-activation, which the fast path's cache mode keeps there
 *                                                       (FastPathNetwork) instead of recomputing the convolution
 *   updater temporaries   max(0, 4 t T - activations)   the optimizer step runs in the same workspace, so only what
 *                                               exceeds the activations adds: t = arrays its step allocates per
 *                                               parameter (sgd with momentum 1, rmsprop and adagrad 2, adamax 4,
 *                                               nadam 5; DL4J's native sgd, nesterov, adam, amsgrad, adadelta 0)
 *   activation gradients  4 B (max in(l), l even + max in(l), l odd)   WS_LAYER_ACT_1 and _2: backprop alternates
 *                                               two workspaces, each holding one layer's input gradient at a time
 *   layer working memory  4 B max over layers:  WS_LAYER_WORKING_MEM, reused layer by layer
 *                           conv2d, dense, batch_normalization: 2 out(l) (pre-activation and its gradient);
 *                           conv2d without oneDNN: 3 (im2col(l) + out(l)), im2col = outH outW kh kw inChannels
 *   convolution scratch   4 B max over conv2d of (in(l) + 3 out(l))   oneDNN only: its backward pass reorders the
 *                                               input and the output gradient and makes the input gradient outside
 *                                               ND4J's workspaces
 *   input prefetch        max(10 MiB, 7 x 4 B (image + classes))   the prefetch thread's workspace: DL4J sizes it at
 *                                               (queue of 4 + 3) batches
 *   allocator slack       4 x sum over layers of 4 B out(l) where that is under 32 MiB   glibc serves blocks under
 *                                               its mmap threshold (which rises to 32 MiB) from its arenas and keeps
 *                                               them resident after they are freed
 *   first step, kept      activations + updater temporaries + activation gradients + layer working memory
 *                         + convolution scratch, when malloc keeps every freed block (MALLOC_MMAP_MAX_=0, as
 *                         scripts/lib/malloc.sh sets it), else 0: in the first step DL4J's workspaces are still
 *                         learning their sizes and every one of these arrays is allocated on its own; the workspaces
 *                         allocated from the second step on are single blocks that the first step's freed ones,
 *                         scattered through malloc's one arena, cannot hold, so both stay resident
 * </pre>
 * The workspace terms match the workspace sizes DL4J reports after a few steps to within a few percent; the
 * convolution scratch, allocator slack and runtime terms are fitted to measurements of the MNIST, cats-vs-dogs and
 * VGG16 networks at several batch sizes. docs/memory.md has the method and the numbers: the total is within 25% of
 * the measured peak for all three (mostly within 10%). The first step can reach a little higher than later ones,
 * while the workspaces are still learning their sizes.
 */
public final class MemoryEstimator {
    static final long FLOAT = Float.BYTES;
    static final long MIB = 1L << 20;
    /** The process without the network's arrays and without the heap, measured after ND4J started. */
    static final long RUNTIME_NATIVE = 128 * MIB;
    /** AsyncDataSetIterator's workspace: at least 10 MiB, and (prefetch queue 4 + 2 + 1) batches. */
    static final long PREFETCH_MIN = 10 * MIB;
    static final int PREFETCH_BATCHES = 7;
    /** glibc's largest dynamic mmap threshold on 64-bit (DEFAULT_MMAP_THRESHOLD_MAX). */
    static final long MMAP_THRESHOLD_MAX = 32 * MIB;
    static final int ALLOCATOR_SLACK_FACTOR = 4;

    /**
     * What the estimate needs to know about the process that will train.
     *
     * @param heapBytes the JVM heap (committed, or at start the initial size)
     * @param oneDnn    whether DL4J's oneDNN helpers run the convolutions (convlab's fast path)
     * @param mallocKeepsAll whether glibc malloc keeps every freed block ({@code MALLOC_MMAP_MAX_=0}, which
     *                  scripts/convlab sets on the fast path)
     */
    public record Process(long heapBytes, boolean oneDnn, boolean mallocKeepsAll) {
        /** A process with glibc malloc's defaults. */
        public Process(long heapBytes, boolean oneDnn) {
            this(heapBytes, oneDnn, false);
        }

        public Process {
            if (heapBytes < 0) {
                throw new IllegalArgumentException("heap bytes must not be negative, got " + heapBytes);
            }
        }

        /** This JVM: its heap, and the fast path as Backends set it up (or as the settings ask, before that). */
        public static Process current() {
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            boolean oneDnn = Backends.setup().map(BackendSetup::helpersAsked)
                    .orElseGet(() -> BackendSettings.current().fast());
            return new Process(Math.max(heap.getInit(), heap.getCommitted()), oneDnn,
                    BackendFacts.mallocKeepsEveryBlock(System.getenv()));
        }
    }

    private MemoryEstimator() {
    }

    /** For this JVM ({@link Process#current()}). */
    public static MemoryEstimate estimate(ModelPlan plan, OptimizerSpec optimizer, int batchSize) {
        return estimate(plan, optimizer, batchSize, Process.current());
    }

    public static MemoryEstimate estimate(ModelPlan plan, OptimizerSpec optimizer, int batchSize, Process process) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        long batch = batchSize;
        long params = plan.totalParams();
        long trainable = plan.trainableParams();
        int k = Optimizers.stateArraysPerParam(optimizer);
        int t = temporariesPerParam(optimizer);

        long outputs = 0;
        long maxInEven = 0;
        long maxInOdd = 0;
        long working = 0;
        long scratch = 0;
        long smallBlocks = 0;
        PlannedLayer last = plan.output();
        for (int position = 0; position < plan.layers().size(); position++) {
            PlannedLayer layer = plan.layers().get(position);
            if (!layer.inDl4j()) {
                continue;
            }
            long in = layer.input().size();
            long out = layer.output().size();
            if (layer != last) {
                outputs += out;
            }
            if (process.oneDnn() && layer.spec() instanceof Conv2D && !plan.frozen(position)) {
                outputs += out; // the cached pre-activation (a frozen layer runs as at inference and keeps none)
            }
            if (layer.dl4jIndex() % 2 == 0) {
                maxInEven = Math.max(maxInEven, in);
            } else {
                maxInOdd = Math.max(maxInOdd, in);
            }
            working = Math.max(working, workingMemory(layer, process.oneDnn()));
            if (process.oneDnn() && layer.spec() instanceof Conv2D) {
                scratch = Math.max(scratch, in + 3 * out);
            }
            long outBytes = FLOAT * batch * out;
            if (outBytes < MMAP_THRESHOLD_MAX) {
                smallBlocks += outBytes;
            }
        }
        long activationBytes = FLOAT * batch * outputs;
        long updaterWorking = FLOAT * t * trainable;
        long perExampleData = (long) plan.input().height() * plan.input().width() * plan.input().channels()
                + plan.numClasses();
        long updaterTemporaries = Math.max(0, updaterWorking - activationBytes);
        long activationGradients = FLOAT * batch * (maxInEven + maxInOdd);
        long workingBytes = FLOAT * batch * working;
        long scratchBytes = FLOAT * batch * scratch;
        long firstStep = activationBytes + updaterTemporaries + activationGradients + workingBytes + scratchBytes;
        return new MemoryEstimate(batchSize, process.oneDnn(), params,
                RUNTIME_NATIVE + process.heapBytes(), process.heapBytes(),
                FLOAT * params, FLOAT * params, k, FLOAT * k * trainable,
                activationBytes, updaterTemporaries, activationGradients, workingBytes, scratchBytes,
                Math.max(PREFETCH_MIN, PREFETCH_BATCHES * FLOAT * batch * perExampleData),
                ALLOCATOR_SLACK_FACTOR * smallBlocks, process.mallocKeepsAll() ? firstStep : 0);
    }

    /** Values per example a layer's forward or backward pass keeps in DL4J's per-layer working workspace. */
    static long workingMemory(PlannedLayer layer, boolean oneDnn) {
        long out = layer.output().size();
        if (layer.spec() instanceof Conv2D c) {
            if (oneDnn) {
                return 2 * out;
            }
            long im2col = layer.output() instanceof Maps o && layer.input() instanceof Maps i
                    ? (long) o.height() * o.width() * c.kernelSize().height() * c.kernelSize().width() * i.channels()
                    : 0;
            return 3 * (im2col + out);
        }
        if (layer.spec() instanceof Dense || layer.spec() instanceof BatchNormalization) {
            return 2 * out;
        }
        return 0;
    }

    /**
     * Arrays as large as the parameters that one optimizer step allocates, counted in convlab's Keras updaters'
     * step code (each {@code mul}, {@code add}, {@code sub}, {@code div} that is not in place) and zero for DL4J's
     * updaters, which run as single native ops. UpdaterTemporariesTest measures them.
     */
    static int temporariesPerParam(OptimizerSpec spec) {
        if (spec instanceof Sgd s) {
            return s.momentum() == 0.0 || s.nesterov() ? 0 : 1;
        } else if (spec instanceof RmsProp || spec instanceof Adagrad) {
            return 2;
        } else if (spec instanceof Adamax) {
            return 4;
        } else if (spec instanceof Nadam) {
            return 5;
        } else if (spec instanceof Adam || spec instanceof Adadelta) {
            return 0;
        }
        throw new IllegalStateException("no temporaries known for " + spec);
    }
}
