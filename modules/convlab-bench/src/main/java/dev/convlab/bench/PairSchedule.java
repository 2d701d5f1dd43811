package dev.convlab.bench;

/**
 * The order in which PairMain builds and times its networks: copy i of (a) and of (c) built in turn, (a) first for
 * even i and (c) first for odd i; and in block b every network once, the order of slots rotated by b, so that over
 * as many blocks as there are networks each network runs once in each position.
 */
final class PairSchedule {
    private PairSchedule() {
    }

    /** Copy i's build order: true for (a), false for (c). */
    static boolean[] buildOrder(int copy) {
        return copy % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true};
    }

    /** Which slot holds (a), for {@code copies} copies of each built in {@link #buildOrder} order. */
    static boolean[] sides(int copies) {
        boolean[] out = new boolean[2 * copies];
        for (int i = 0; i < copies; i++) {
            boolean[] order = buildOrder(i);
            out[2 * i] = order[0];
            out[2 * i + 1] = order[1];
        }
        return out;
    }

    /** The slots to run in block {@code block}, each once. */
    static int[] blockOrder(int block, int slots) {
        int[] out = new int[slots];
        for (int i = 0; i < slots; i++) {
            out[i] = (i + block) % slots;
        }
        return out;
    }
}
