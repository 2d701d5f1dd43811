package dev.convlab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Seeded, stratified choices of examples by their class index: a sample, a validation holdout and k folds. Every
 * class is represented in proportion to its size (its count is the floor or the ceiling of its exact share), so a
 * small validation set of a skewed dataset still holds every class, and the same labels and seed always give the
 * same indices.
 *
 * <p>How it draws: one seeded permutation of the pool orders the examples; each class's examples are taken in that
 * order. The indices returned refer to positions in {@code labels} and come back sorted (file order).
 */
public final class StratifiedSplit {

    /** Training and validation indices into a pool, both sorted. */
    public record Split(int[] train, int[] validation) {
        public Split {
            train = train.clone();
            validation = validation.clone();
        }

        @Override
        public int[] train() {
            return train.clone();
        }

        @Override
        public int[] validation() {
            return validation.clone();
        }
    }

    private StratifiedSplit() {
    }

    /**
     * {@code n} examples (all of them when n is larger than the pool), each class contributing its share of n.
     *
     * @param labels class index of every example, 0 or more
     */
    public static int[] sample(int[] labels, int n, long seed) {
        if (n >= labels.length) {
            return Holdout.identity(labels.length);
        }
        int[][] byClass = byClass(labels, Seeds.derive(seed, Seeds.SAMPLE));
        int[] counts = counts(byClass);
        int[] take = allocate(counts, n, counts);
        List<Integer> chosen = new ArrayList<>(n);
        for (int c = 0; c < byClass.length; c++) {
            for (int i = 0; i < take[c]; i++) {
                chosen.add(byClass[c][i]);
            }
        }
        return sorted(chosen);
    }

    /**
     * Holds out {@code round(size * fraction)} examples for validation, each class in proportion. Every class keeps
     * at least one training example unless the pool is too small for that (then the rarest classes may have none).
     */
    public static Split holdout(int[] labels, double fraction, long seed) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in [0, 1], got " + fraction);
        }
        int held = (int) Math.round(labels.length * fraction);
        int[][] byClass = byClass(labels, Seeds.derive(seed, Seeds.HOLDOUT));
        int[] counts = counts(byClass);
        int[] room = new int[counts.length];
        int available = 0;
        for (int c = 0; c < counts.length; c++) {
            room[c] = Math.max(0, counts[c] - 1);
            available += room[c];
        }
        int[] take = allocate(counts, held, held <= available ? room : counts);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int c = 0; c < byClass.length; c++) {
            for (int i = 0; i < byClass[c].length; i++) {
                (i < take[c] ? validation : train).add(byClass[c][i]);
            }
        }
        return new Split(sorted(train), sorted(validation));
    }

    /**
     * k folds for cross-validation: every example is in the validation part of exactly one fold and in the training
     * part of the others; within each class the examples are spread over the folds as evenly as possible (counts
     * differ by at most one), and so are the folds' sizes. A class with fewer than k examples is missing from the
     * validation part of some folds.
     *
     * @return k splits; split f holds fold f out
     */
    public static List<Split> kFold(int[] labels, int k, long seed) {
        if (k < 2 || k > labels.length) {
            throw new IllegalArgumentException("k must be in [2, " + labels.length + "], got " + k);
        }
        int[][] byClass = byClass(labels, Seeds.derive(seed, Seeds.FOLDS));
        // Dealt round-robin, class after class, so consecutive examples of a class go to consecutive folds and
        // each class starts where the previous one stopped.
        int[] foldOf = new int[labels.length];
        int dealt = 0;
        for (int[] members : byClass) {
            for (int index : members) {
                foldOf[index] = dealt++ % k;
            }
        }
        List<Split> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> validation = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                (foldOf[i] == f ? validation : train).add(i);
            }
            folds.add(new Split(sorted(train), sorted(validation)));
        }
        return List.copyOf(folds);
    }

    /** For each class, its examples in the order of a permutation drawn from {@code streamSeed}. */
    static int[][] byClass(int[] labels, long streamSeed) {
        int classes = 0;
        for (int label : labels) {
            if (label < 0) {
                throw new IllegalArgumentException("negative class index " + label);
            }
            classes = Math.max(classes, label + 1);
        }
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        int[][] byClass = new int[classes][];
        for (int c = 0; c < classes; c++) {
            byClass[c] = new int[counts[c]];
        }
        int[] filled = new int[classes];
        for (int index : Seeds.permutation(labels.length, streamSeed)) {
            int c = labels[index];
            byClass[c][filled[c]++] = index;
        }
        return byClass;
    }

    /**
     * Shares {@code total} out over classes in proportion to {@code counts}: each class gets the floor of its exact
     * share, and the rest go one by one to the largest remainders (ties to the lower class index), never more than
     * {@code max} for a class. The caller makes sure that the maxima add up to at least {@code total}.
     */
    static int[] allocate(int[] counts, int total, int[] max) {
        long sum = 0;
        for (int n : counts) {
            sum += n;
        }
        int[] take = new int[counts.length];
        double[] remainder = new double[counts.length];
        int given = 0;
        for (int c = 0; c < counts.length; c++) {
            double share = sum == 0 ? 0 : (double) total * counts[c] / sum;
            take[c] = Math.min(max[c], (int) Math.floor(share));
            remainder[c] = share - take[c];
            given += take[c];
        }
        Integer[] byRemainder = new Integer[counts.length];
        for (int c = 0; c < counts.length; c++) {
            byRemainder[c] = c;
        }
        Arrays.sort(byRemainder, (a, b) -> remainder[a] != remainder[b]
                ? Double.compare(remainder[b], remainder[a]) : Integer.compare(a, b));
        while (given < total) {
            boolean progress = false;
            for (int c : byRemainder) {
                if (given < total && take[c] < max[c]) {
                    take[c]++;
                    given++;
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("cannot share " + total + " out under the maxima");
            }
        }
        return take;
    }

    private static int[] counts(int[][] byClass) {
        int[] counts = new int[byClass.length];
        for (int c = 0; c < byClass.length; c++) {
            counts[c] = byClass[c].length;
        }
        return counts;
    }

    private static int[] sorted(List<Integer> values) {
        int[] array = values.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(array);
        return array;
    }
}
