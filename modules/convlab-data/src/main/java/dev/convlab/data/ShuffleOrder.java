package dev.convlab.data;

/**
 * The order in which one split's examples are served, pass by pass. Without shuffling it is the split's own
 * (file) order every pass; with shuffling, pass {@code e} is a permutation drawn from the seed and {@code e} alone.
 * Methods are synchronized because DL4J's AsyncDataSetIterator reads on its own thread and resets on the caller's.
 */
final class ShuffleOrder {
    private final int[] base;
    private final boolean shuffle;
    private final long seed;
    private int epoch;
    private boolean consumed;
    private int[] order;

    ShuffleOrder(int[] base, boolean shuffle, long seed) {
        this.base = base.clone();
        this.shuffle = shuffle;
        this.seed = Seeds.derive(seed, Seeds.SHUFFLE);
        this.order = orderFor(0);
    }

    /** An order that never changes (validation and test data). */
    static ShuffleOrder fixed(int[] base) {
        return new ShuffleOrder(base, false, 0);
    }

    synchronized int size() {
        return base.length;
    }

    /** The example index at position {@code position} of the current pass. */
    synchronized int at(int position) {
        return order[position];
    }

    synchronized int epoch() {
        return epoch;
    }

    synchronized void markConsumed() {
        consumed = true;
    }

    /** Called on reset: moves to the next pass only if this one was read from. */
    synchronized void nextPass() {
        if (consumed) {
            epoch++;
            order = orderFor(epoch);
        }
        consumed = false;
    }

    synchronized void seek(int newEpoch) {
        if (newEpoch < 0) {
            throw new IllegalArgumentException("epoch must be 0 or more, got " + newEpoch);
        }
        epoch = newEpoch;
        order = orderFor(newEpoch);
        consumed = false;
    }

    private int[] orderFor(int pass) {
        if (!shuffle) {
            return base;
        }
        int[] permutation = Seeds.permutation(base.length, Seeds.derive(seed, pass));
        int[] result = new int[base.length];
        for (int i = 0; i < result.length; i++) {
            result[i] = base[permutation[i]];
        }
        return result;
    }
}
