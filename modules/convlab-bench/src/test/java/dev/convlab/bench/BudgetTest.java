package dev.convlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BudgetTest {

    @Test
    void warmUpNeedsBothItsStepsAndItsSeconds() {
        Budget budget = new Budget(10, 8, 30, 8, 20);
        assertFalse(budget.warmedUp(500, 7.9), "many fast steps are not enough while the JIT compiler still runs");
        assertFalse(budget.warmedUp(9, 60), "a few slow steps are not enough either");
        assertTrue(budget.warmedUp(10, 8));
    }

    @Test
    void withoutWarmUpSecondsTheStepCountAloneDecides() {
        Budget budget = new Budget(2, 0, 3, 0, 10);
        assertFalse(budget.warmedUp(1, 0.5));
        assertTrue(budget.warmedUp(2, 0));
    }

    @Test
    void timingNeedsMinimumStepsAndSecondsButStopsASlowCaseAtTheMaximum() {
        Budget budget = new Budget(0, 0, 30, 8, 20);
        assertFalse(budget.done(29, 19));
        assertFalse(budget.done(30, 7.9));
        assertTrue(budget.done(30, 8));
        assertTrue(budget.done(3, 20), "a slow case stops at max seconds once it has 3 steps");
        assertFalse(budget.done(2, 25));
    }

    @Test
    void warmUpSecondsAreOptionalOnTheCommandLine() {
        String[] common = {"--warmup", "10", "--min-steps", "30", "--min-seconds", "8", "--max-seconds", "20"};
        assertEquals(0, Budget.from(Args.parse(common)).warmupSeconds());
        String[] with = {"--warmup", "10", "--warmup-seconds", "8", "--min-steps", "30", "--min-seconds", "8",
            "--max-seconds", "20"};
        assertEquals(new Budget(10, 8, 30, 8, 20), Budget.from(Args.parse(with)));
    }
}
