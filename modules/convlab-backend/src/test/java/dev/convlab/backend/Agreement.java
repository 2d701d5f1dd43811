package dev.convlab.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How closely the fast path must agree with DL4J's built-in path, derived from float32 arithmetic, and the checks
 * that apply it. Every check prints the observed difference, so a run shows how much room is left.
 *
 * <h2>The rule</h2>
 * Each compared element is the end of a chain of float32 sums (a convolution, a pooling window, a batch statistic,
 * a dense layer, then the backward sums). For one sum of K terms t<sub>i</sub>, every order of summation gives
 * |ŝ − s| ≤ γ<sub>K</sub>·Σ|t<sub>i</sub>|, γ<sub>K</sub> = Ku/(1 − Ku), u = 2<sup>−24</sup> ≈ 6.0e-8 (Higham,
 * <i>Accuracy and Stability of Numerical Algorithms</i>, §3.1). The two paths do add in different orders: oneDNN
 * blocks channels in 16s and vectorises (and, for other shapes or thread counts, picks other kernels, Winograd
 * among them), the built-in convolution is im2col + OpenBLAS sgemm, libnd4j's generic loops are split over threads.
 * That worst-case bound is pessimistic: rounding errors of both signs grow like λ√K·u, not K·u (Higham and Mary,
 * "A new approach to probabilistic rounding error analysis", SIAM J. Sci. Comput. 41(5), 2019: the bound holds with
 * probability at least 1 − 2K·e<sup>−λ²/2</sup>, above 0.9999 for λ = 6 and K = 2000). Against that, the difference
 * is measured relative to the reference tensor's largest magnitude M, while the bound is in terms of
 * Σ|t<sub>i</sub>|: with zero-mean inputs and weights the terms have random signs, a typical sum has magnitude about
 * √K times a typical term, so Σ|t<sub>i</sub>| ≈ √K·|s|, below √K·M (M, the largest of many sums, is some
 * three times a typical one: slack for the many elements compared). Both computations are rounded, so their
 * difference is up to twice one error:
 * <pre>
 *   max|fast − builtin| ≤ τ(K)·max|builtin|,    τ(K) = 2·λ·K·u = 12·K·u ≈ 7.2e-7·K
 * </pre>
 * K is the sum of the accumulation lengths along the longest chain that produces the quantity (each layer's
 * forward sums, then the backward sums), because each stage adds its own rounding and the stages in these tests
 * (tanh, an identity output with squared error, normalisation) carry an incoming relative error through with a gain
 * of about one. Each test class lists its K per quantity. Elementwise steps (bias, activation, a division) count
 * one each. A fault rather than rounding moves results by far more: padding a stride-2 convolution by one row on
 * top instead of at the bottom changes its output by 2·max|ref| (measured on the network of ConvolutionFastPathTest),
 * a wrong average-pooling divisor by a third or more at the borders; the subtlest plausible one, a batch variance
 * divided by M − 1 instead of M, still by 1/(2M) (1.25e-3 for M = 400), above the τ of that quantity. The largest τ
 * used anywhere here is 1.1e-3.
 *
 * <p>Parameters after n training steps with plain SGD: each step changes them by −lr·g<sub>i</sub>, so the paths
 * differ by at most the sum over steps of τ<sub>grad</sub>·lr·max|g<sub>i</sub>| — the reference's own step sizes
 * are measured, not assumed — doubled for the feedback of earlier differences through later gradients (small while
 * lr·curvature is below one), plus one float32 rounding of each stored parameter per step, where nearly equal
 * updates may round to neighbouring floats: 2·u·max|p| each.
 *
 * <p>Exact quantities — max pooling of identical inputs, dropout masks drawn from the same seed by the same libnd4j
 * op — must agree bit for bit.
 *
 * <p>The comparison classes run single-threaded, for time ({@link dev.convlab.backend.testing.SingleThreaded}); more
 * threads only split the same sums differently, which the rule covers, and FastPathMatchesBuiltInTest compares at
 * the default thread count.
 */
final class Agreement {

    /** float32 unit roundoff, 2^-24. */
    static final double U = Math.ulp(1.0f) / 2;
    /** Probability parameter of the probabilistic bound. */
    static final double LAMBDA = 6;

    private Agreement() {
    }

    /** The relative tolerance for a quantity at the end of a chain of sums of total length {@code k}. */
    static double tolerance(long k) {
        return 2 * LAMBDA * k * U;
    }

    /** Asserts max|fast − reference| ≤ tolerance · max|reference|; returns the observed relative difference. */
    static double assertClose(String what, INDArray fast, INDArray reference, double tolerance) {
        assertArrayEquals(reference.shape(), fast.shape(), what + ": shape");
        double scale = reference.amaxNumber().doubleValue();
        assertTrue(scale > 0 && Double.isFinite(scale), what + ": the reference is " + scale + " everywhere");
        double diff = fast.sub(reference).amaxNumber().doubleValue();
        double relative = diff / scale;
        log(String.format(Locale.ROOT, "%-58s max|diff| %.2e  max|ref| %.2e  relative %.2e  tolerance %.1e  (%4.1f%%)",
                what, diff, scale, relative, tolerance, 100 * relative / tolerance));
        assertTrue(relative <= tolerance, what + ": max|fast − builtin| = " + diff + " is " + relative
                + " of max|builtin| = " + scale + ", above the tolerance " + tolerance);
        return relative;
    }

    /** Asserts the two float tensors are equal bit for bit. */
    static void assertIdentical(String what, INDArray fast, INDArray reference) {
        assertArrayEquals(reference.shape(), fast.shape(), what + ": shape");
        float[] a = fast.dup('c').data().asFloat();
        float[] b = reference.dup('c').data().asFloat();
        long differing = 0;
        for (int i = 0; i < b.length; i++) {
            if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                differing++;
            }
        }
        log(String.format(Locale.ROOT, "%-58s identical: %s (%d of %d elements differ)", what, differing == 0,
                differing, b.length));
        assertEquals(0, differing, what + ": must be bit-identical, " + differing + " elements differ");
    }

    /**
     * Parameters after training: {@code fast} and {@code reference} hold the flattened parameters before the first
     * step (index 0, the same for both) and after each step.
     */
    static void assertTrainedClose(String what, List<INDArray> fast, List<INDArray> reference, double gradTolerance) {
        int steps = reference.size() - 1;
        double stepSum = 0;
        for (int i = 1; i <= steps; i++) {
            stepSum += reference.get(i).sub(reference.get(i - 1)).amaxNumber().doubleValue();
        }
        double maxParam = reference.stream().mapToDouble(p -> p.amaxNumber().doubleValue()).max().orElse(0);
        double allowed = 2 * gradTolerance * stepSum + steps * 2 * U * maxParam;
        INDArray last = fast.get(steps);
        INDArray lastRef = reference.get(steps);
        double diff = last.sub(lastRef).amaxNumber().doubleValue();
        double moved = lastRef.sub(reference.get(0)).amaxNumber().doubleValue();
        log(String.format(Locale.ROOT, "%-58s max|diff| %.2e  moved %.2e  Σ steps %.2e  allowed %.1e  (%4.1f%%)",
                what + " after " + steps + " steps", diff, moved, stepSum, allowed, 100 * diff / allowed));
        assertTrue(moved > 0, what + ": training did not move the parameters");
        assertTrue(diff <= allowed, what + ": after " + steps + " steps max|fast − builtin| = " + diff
                + " exceeds " + allowed + " (Σ step sizes " + stepSum + ", gradient tolerance " + gradTolerance + ")");
    }

    static void log(String line) {
        System.out.println(line);
    }
}
