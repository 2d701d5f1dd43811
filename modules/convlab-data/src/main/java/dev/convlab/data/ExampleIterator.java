package dev.convlab.data;

import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * A {@link DataSetIterator} over a fixed set of examples whose order per pass is a function of the seed and the
 * pass number only. That is what lets a resumed run see exactly the batches an uninterrupted run would have seen.
 *
 * <p>{@code reset()} starts the next pass once the current one has served at least one batch; a reset of an
 * untouched iterator (DL4J resets defensively before fitting and evaluating) does not skip a shuffle. Rescaling is
 * done by the iterator itself, so a preprocessor set with {@code setPreProcessor} runs on already rescaled data.
 */
public interface ExampleIterator extends DataSetIterator {

    /** How many examples one pass serves. */
    int numExamples();

    /** The pass (0-based) the iterator is in. */
    int epoch();

    /** Rewinds to the start of pass {@code epoch} (0-based), with that pass's order. */
    void seekEpoch(int epoch);
}
