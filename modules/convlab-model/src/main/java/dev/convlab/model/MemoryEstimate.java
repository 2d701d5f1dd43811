package dev.convlab.model;

import java.util.Locale;

/**
 * The peak resident memory of training at a batch size, in bytes, by part (see {@link MemoryEstimator} for the
 * formula and docs/memory.md for how it compares with measurements). An estimate for choosing a batch size and for
 * the out-of-memory message, not a measurement.
 *
 * @param oneDnn                    whether the estimate assumes DL4J's oneDNN helpers (the fast path)
 * @param runtimeBytes              JVM, native libraries and the heap
 * @param heapBytes                 the heap part of {@code runtimeBytes}
 * @param updaterTemporaryBytes     what the optimizer step needs beyond the activations' workspace, which it reuses
 * @param layerWorkingBytes         the largest layer's working memory (pre-activation, its gradient, im2col)
 * @param convolutionScratchBytes   oneDNN's buffers in a convolution's backward pass, outside ND4J's workspaces
 * @param prefetchBytes             the batches decoded ahead by the prefetch thread
 * @param allocatorSlackBytes       freed native memory that malloc keeps resident
 * @param retainedBytes             with malloc set to keep every freed block (scripts/lib/malloc.sh): the first
 *                                  step's arrays, which stay resident beside the workspaces that replace them
 */
public record MemoryEstimate(
        int batchSize,
        boolean oneDnn,
        long parameters,
        long runtimeBytes,
        long heapBytes,
        long parameterBytes,
        long gradientBytes,
        int updaterArraysPerParam,
        long updaterBytes,
        long activationBytes,
        long updaterTemporaryBytes,
        long activationGradientBytes,
        long layerWorkingBytes,
        long convolutionScratchBytes,
        long prefetchBytes,
        long allocatorSlackBytes,
        long retainedBytes) {

    /** Everything but the runtime: what the network and its training add to the process. */
    public long trainingBytes() {
        return parameterBytes + gradientBytes + updaterBytes + activationBytes + updaterTemporaryBytes
                + activationGradientBytes + layerWorkingBytes + convolutionScratchBytes + prefetchBytes
                + allocatorSlackBytes + retainedBytes;
    }

    /** The estimated peak resident memory of the training process. */
    public long totalBytes() {
        return runtimeBytes + trainingBytes();
    }

    /** "1.56 GB" */
    public static String readable(long bytes) {
        return Bytes.readable(bytes);
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("Memory estimate, batch size ").append(batchSize).append(" (float32, ")
                .append(oneDnn ? "oneDNN" : "built-in").append(" convolutions): peak resident memory of training\n");
        row(out, "runtime", runtimeBytes, "JVM and native libraries, with a " + Bytes.readable(heapBytes) + " heap");
        row(out, "parameters", parameterBytes, ModelSummary.count(parameters) + " values");
        row(out, "gradients", gradientBytes, "one per parameter");
        row(out, "updater state", updaterBytes, updaterArraysPerParam + " per trainable parameter");
        row(out, "activations", activationBytes, "every layer's output, kept for backprop");
        row(out, "updater temporaries", updaterTemporaryBytes, "the optimizer step's scratch beyond the activations'");
        row(out, "activation gradients", activationGradientBytes, "two layers' input gradients at a time");
        row(out, "layer working memory", layerWorkingBytes, oneDnn ? "largest pre-activation and its gradient"
                : "largest im2col, pre-activation and gradients");
        row(out, "convolution scratch", convolutionScratchBytes, oneDnn ? "oneDNN's buffers in the backward pass"
                : "none without oneDNN");
        row(out, "input prefetch", prefetchBytes, "batches decoded ahead");
        row(out, "allocator slack", allocatorSlackBytes, "freed blocks malloc keeps");
        row(out, "first step, kept", retainedBytes, retainedBytes > 0
                ? "malloc keeps every freed block (scripts/lib/malloc.sh)" : "none: malloc returns large blocks");
        row(out, "total", totalBytes(), "");
        return out.toString();
    }

    private static void row(StringBuilder out, String what, long bytes, String note) {
        out.append(String.format(Locale.ROOT, "  %-22s %12s", what, Bytes.readable(bytes)));
        if (!note.isEmpty()) {
            out.append("   ").append(note);
        }
        out.append('\n');
    }
}
