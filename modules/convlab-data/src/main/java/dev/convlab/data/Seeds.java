package dev.convlab.data;

import java.util.Random;

/**
 * Independent random streams derived from the run's seed, so that changing how often one part draws numbers
 * (the epoch shuffles) never changes another (the validation holdout).
 */
final class Seeds {
    static final long HOLDOUT = 0x484F4C444F5554L;
    static final long SHUFFLE = 0x53485546464C45L;
    /** Augmentation draws: one stream per pass and example (see PixelPipeline). */
    static final long AUGMENT = 0x4155474D454E54L;
    static final long SAMPLE = 0x53414D504C45L;
    static final long FOLDS = 0x464F4C4453L;
    /** Test subsets for max_test_samples use a constant seed: every run of a sweep is scored on the same images. */
    static final long TEST_SUBSET = 0x5445535453554EL;

    private Seeds() {
    }

    static long derive(long seed, long stream) {
        return mix(seed ^ mix(stream));
    }

    /** A permutation of 0..n-1; java.util.Random's algorithm is fixed by its spec, so this is stable across JDKs. */
    static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** SplitMix64's finaliser: nearby seeds (42, 43) give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
