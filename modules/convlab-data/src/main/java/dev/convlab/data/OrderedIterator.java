package dev.convlab.data;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * An iterator that serves its examples in a {@link ShuffleOrder}: where it stands in the current pass, and which
 * example sits at each position. The subclasses differ only in how a batch is made and what a reset restarts.
 */
abstract class OrderedIterator extends BaseExampleIterator {
    private static final long serialVersionUID = 1L;
    protected final ShuffleOrder order;
    protected int position;

    OrderedIterator(List<String> classes, int batchSize, ShuffleOrder order) {
        super(classes, batchSize);
        this.order = order;
    }

    /** The size of the next batch of at most {@code num}; fails once the pass is over. */
    protected final int nextCount(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("pass " + order.epoch() + " is over; call reset()");
        }
        return Math.min(num, order.size() - position);
    }

    /** Called after {@link #seekEpoch} has set the pass, for readers that must restart too. */
    protected void restart() {
    }

    @Override
    synchronized int exampleAt(int at) {
        return order.at(at);
    }

    @Override
    public synchronized boolean hasNext() {
        return position < order.size();
    }

    @Override
    public synchronized void seekEpoch(int epoch) {
        order.seek(epoch);
        position = 0;
        restart();
    }

    @Override
    public int epoch() {
        return order.epoch();
    }

    @Override
    public int numExamples() {
        return order.size();
    }
}
