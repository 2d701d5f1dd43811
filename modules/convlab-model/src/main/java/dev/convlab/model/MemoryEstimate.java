package dev.convlab.model;

import java.util.Locale;

/**
 * The memory one training step needs at a batch size, in bytes, by part (see {@link MemoryEstimator} for the
 * formula). An estimate for choosing a batch size, not a measurement.
 */
public record MemoryEstimate(
        int batchSize,
        long parameters,
        long parameterBytes,
        long gradientBytes,
        int updaterArraysPerParam,
        long updaterBytes,
        long activationBytes,
        long activationGradientBytes,
        long workspaceBytes,
        long marginBytes) {

    public long totalBytes() {
        return parameterBytes + gradientBytes + updaterBytes + activationBytes + activationGradientBytes
                + workspaceBytes + marginBytes;
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("Memory estimate, batch size ").append(batchSize).append(" (float32):\n");
        row(out, "parameters", parameterBytes, ModelSummary.count(parameters) + " values");
        row(out, "gradients", gradientBytes, "one per parameter");
        row(out, "updater state", updaterBytes, updaterArraysPerParam + " per trainable parameter");
        row(out, "activations", activationBytes, "every layer's output, kept for backprop");
        row(out, "activation gradients", activationGradientBytes, "same size again");
        row(out, "convolution workspace", workspaceBytes, "largest im2col buffer");
        row(out, "margin", marginBytes, Math.round(MemoryEstimator.MARGIN * 100) + "%");
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
