package dev.convlab.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The pair's schedule, checked against orders written out by hand. */
class PairScheduleTest {

    @Test
    void copiesAreBuiltInTurnNeitherSideAlwaysFirst() {
        assertArrayEquals(new boolean[] {true, false}, PairSchedule.sides(1));
        // a, c, c, a, a, c
        assertArrayEquals(new boolean[] {true, false, false, true, true, false}, PairSchedule.sides(3));
    }

    @Test
    void oneCopyEachAlternatesWhichRunsFirst() {
        assertArrayEquals(new int[] {0, 1}, PairSchedule.blockOrder(0, 2));
        assertArrayEquals(new int[] {1, 0}, PairSchedule.blockOrder(1, 2));
        assertArrayEquals(new int[] {0, 1}, PairSchedule.blockOrder(2, 2));
    }

    @Test
    void everyNetworkRunsOnceInEachPositionOverAsManyBlocks() {
        int slots = 6;
        int[][] seen = new int[slots][slots]; // [slot][position]
        for (int block = 0; block < slots; block++) {
            int[] order = PairSchedule.blockOrder(block, slots);
            boolean[] ran = new boolean[slots];
            for (int position = 0; position < slots; position++) {
                seen[order[position]][position]++;
                ran[order[position]] = true;
            }
            for (boolean r : ran) {
                assertEquals(true, r, "block " + block + " runs every network");
            }
        }
        for (int[] positions : seen) {
            assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1}, positions);
        }
    }
}
