package dev.convlab.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel trial's schedule and decisions, against sequences written out by hand; the clock is ours. */
class KernelTrialTest {
    private static final long MS = 1_000_000L;

    /** Runs calls until the trial stops timing; the kernel's time is given per call, in ms. */
    private static List<Boolean> runTrial(KernelTrial trial, long now, long[] oneDnnMs, long[] builtinMs) {
        List<Boolean> order = new ArrayList<>();
        int o = 0;
        int b = 0;
        while (true) {
            boolean builtin = trial.nextBuiltin(now);
            if (!trial.timing()) {
                return order;
            }
            order.add(builtin);
            trial.record(builtin, (builtin ? builtinMs[b++] : oneDnnMs[o++]) * MS, now);
        }
    }

    @Test
    void callsAlternateOneDnnFirstAndTheShorterBestTimeWins() {
        KernelTrial trial = new KernelTrial();
        assertFalse(trial.builtinFaster(), "oneDNN's until timed");
        // oneDNN: 100, 240, 250, 245 (best 100); libnd4j: 84, 300, 90, 85 (best 84)
        List<Boolean> order = runTrial(trial, 0, new long[] {100, 240, 250, 245}, new long[] {84, 300, 90, 85});
        assertEquals(List.of(false, true, false, true, false, true, false, true), order);
        assertTrue(trial.builtinFaster());
        assertEquals(1, trial.trialsDone());
        assertTrue(trial.nextBuiltin(KernelTrial.RECHECK_NANOS - 1), "decided: libnd4j's, no second trial yet");
        assertFalse(trial.timing());
    }

    @Test
    void aSecondTrialTenSecondsLaterOverrulesANoisyFirstAndIsFinal() {
        KernelTrial trial = new KernelTrial();
        // first trial in the JIT compiler's seconds: libnd4j's times inflated, oneDNN's picked
        runTrial(trial, 0, new long[] {240, 241, 242, 243}, new long[] {400, 390, 380, 370});
        assertFalse(trial.builtinFaster());
        long later = KernelTrial.RECHECK_NANOS + 5 * MS;
        List<Boolean> order = runTrial(trial, later, new long[] {240, 239, 241, 240}, new long[] {84, 85, 83, 90});
        assertEquals(8, order.size(), "four calls on each kernel again");
        assertTrue(trial.builtinFaster());
        assertEquals(2, trial.trialsDone());
        // final: no third trial however late
        assertTrue(trial.nextBuiltin(later + 100 * KernelTrial.RECHECK_NANOS));
        assertFalse(trial.timing());
    }

    @Test
    void aDroppedTimeIsMadeUpAndTimesOutsideATrialAreIgnored() {
        KernelTrial trial = new KernelTrial();
        assertFalse(trial.nextBuiltin(0)); // oneDNN's call, its time never recorded (say, no backward call came)
        assertFalse(trial.nextBuiltin(0), "oneDNN again: it still has no time");
        trial.record(false, 10 * MS, 0);
        assertTrue(trial.nextBuiltin(0));
        runTrial(trial, 0, new long[] {9, 9, 9}, new long[] {20, 20, 20, 20});
        assertFalse(trial.builtinFaster());
        trial.record(true, 1, 0); // outside a trial: ignored
        assertFalse(trial.builtinFaster());
        assertEquals(9.0, trial.bestMillis()[0], 1e-9);
        assertEquals(20.0, trial.bestMillis()[1], 1e-9);
    }

    @Test
    void equalBestTimesKeepOneDnn() {
        KernelTrial trial = new KernelTrial();
        runTrial(trial, 0, new long[] {5, 5, 5, 5}, new long[] {5, 5, 5, 5});
        assertFalse(trial.builtinFaster());
    }
}
