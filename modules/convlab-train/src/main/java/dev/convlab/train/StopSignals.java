package dev.convlab.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM during training: the first asks the run to stop after the batch in progress, save a checkpoint
 * and exit with code 3; a second one stops the process at once (the checkpoints already written stay intact, as
 * every write is atomic). The previous handlers come back on close.
 */
final class StopSignals implements AutoCloseable {
    private final AtomicReference<String> received = new AtomicReference<>();
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    static StopSignals install() {
        StopSignals signals = new StopSignals();
        for (String name : new String[] {"INT", "TERM"}) {
            Signal signal = new Signal(name);
            try {
                signals.previous.put(signal, Signal.handle(signal, signals::handle));
            } catch (IllegalArgumentException e) {
                // the JVM reserves it (-Xrs): the default handling stays
            }
        }
        return signals;
    }

    private void handle(Signal signal) {
        if (!received.compareAndSet(null, "SIG" + signal.getName())) {
            System.err.println("\nsecond SIG" + signal.getName() + ": stopping now; the last checkpoint is kept");
            Runtime.getRuntime().halt(130);
        }
        System.err.println("\nSIG" + signal.getName() + ": saving a checkpoint after this batch, then stopping"
                + " (send it again to stop at once)");
    }

    /** The name of the signal received (SIGINT, SIGTERM), or null. */
    String received() {
        return received.get();
    }

    /** For tests: behave as if the signal had arrived. */
    void request(String name) {
        received.compareAndSet(null, name);
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
