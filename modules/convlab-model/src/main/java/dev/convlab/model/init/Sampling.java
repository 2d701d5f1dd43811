package dev.convlab.model.init;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Fills parameter views from ND4J's seeded generator. Large layers are filled in chunks so that drawing VGG16's
 * 100M-weight fc1 does not need several temporary copies of it.
 */
final class Sampling {
    private static final long CHUNK = 1 << 20;
    /** Keras's truncated normal re-draws values further than two standard deviations from the mean. */
    private static final double TRUNCATE_AT = 2.0;

    private Sampling() {
    }

    static void uniform(INDArray view, double low, double high) {
        forEachChunk(view, n -> Nd4j.rand(view.dataType(), n).muli(high - low).addi(low));
    }

    static void normal(INDArray view, double mean, double stddev) {
        forEachChunk(view, n -> Nd4j.randn(view.dataType(), n).muli(stddev).addi(mean));
    }

    /**
     * Keras's truncated_normal: N(mean, stddev) with every value beyond two stddev re-drawn until none is left.
     * (ND4J's TruncatedNormalDistribution op has a visibly smaller spread, about 0.4356 instead of 0.4398 for
     * stddev 0.5, so it is not used.)
     */
    static void truncatedNormal(INDArray view, double mean, double stddev) {
        forEachChunk(view, n -> {
            INDArray sample = Nd4j.randn(view.dataType(), n);
            while (true) {
                INDArray outside = Transforms.abs(sample, true).gt(TRUNCATE_AT).castTo(view.dataType());
                if (outside.sumNumber().doubleValue() == 0) {
                    break;
                }
                INDArray fresh = Nd4j.randn(view.dataType(), n);
                sample.muli(outside.rsub(1.0)).addi(fresh.muli(outside));
            }
            return sample.muli(stddev).addi(mean);
        });
    }

    private interface Draw {
        INDArray values(long count);
    }

    private static void forEachChunk(INDArray view, Draw draw) {
        // The parameter view is a contiguous slice of the network's flat parameter array, so this is a view too.
        INDArray flat = view.reshape(view.length());
        long n = flat.length();
        for (long start = 0; start < n; start += CHUNK) {
            long end = Math.min(n, start + CHUNK);
            flat.get(NDArrayIndex.interval(start, end)).assign(draw.values(end - start));
        }
    }
}
