package dev.convlab.backend;

import static dev.convlab.backend.Agreement.tolerance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.backend.testing.SingleThreaded;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Dropout with the fast path on against the built-in path. DL4J 1.0.0-M2.1 has no oneDNN implementation of dropout
 * (its only dropout helper is cuDNN's): both paths draw the mask with the same libnd4j op (DropOutInverted) from
 * ND4J's global generator, so with the same seed the masks must be the same, bit for bit — what differs is the
 * oneDNN convolution around them. The network puts dropout on both sides of a oneDNN convolution, as convlab's
 * {@code dropout} layers do: input 4×3×10×10 → dropout (rate 0.4, i.e. DL4J retain probability 0.6) → conv 3×3 same,
 * 8 filters, tanh → dropout (rate 0.4) → dense identity output of 5, squared error.
 *
 * <p>Checks: the first dropout's output (identical input, identical mask) is bit-identical; the second's zero
 * pattern — its mask (tanh of a sum of random products is not exactly 0; DL4J applies dropout in place, so the
 * convolution's own activations are not there to compare) — is identical and its kept values agree within the
 * convolution's tolerance; each mask keeps 60% ± 5 binomial standard deviations (so dropout really acts, and the
 * masks are not equal merely because nothing was dropped) and a different seed gives a different mask; inference
 * mode drops nothing; gradients (parameters and input) and four SGD steps agree when every pass is
 * seeded the same.
 *
 * <p>Tolerances, τ(K) = 12·K·u (see {@link Agreement}): dropout is one multiplication, so it adds 1 to the chain.
 * Second dropout output: K = 1 + 27 + 2 + 1 = 31. Network output: 31 + 800 (dense) + 1 = 832, τ = 6.0e-4.
 * Gradients: 832 + 1 (squared error) + 5 (dense backward) + 1 + 1 (dropout, tanh′) + 400 (filter gradient summed
 * over N·H·W) + 1 (first dropout): K = 1241, τ = 8.9e-4.
 */
@ExtendWith(SingleThreaded.class)
class DropoutFastPathTest {

    private static final int N = 4;
    private static final int CHANNELS = 3;
    private static final int SIZE = 10;
    private static final int FILTERS = 8;
    private static final int OUTPUTS = 5;
    private static final double RETAIN = 0.6;
    private static final long SECOND_DROPOUT_K = 31;
    private static final long OUTPUT_K = 832;
    private static final long GRADIENT_K = 1241;

    private static final INDArray INPUT = FastAndBuiltIn.distinctInput(10, N, CHANNELS, SIZE, SIZE);
    private static final INDArray TARGETS = FastAndBuiltIn.targets(11, N, OUTPUTS);

    static MultiLayerConfiguration configuration() {
        return new NeuralNetConfiguration.Builder().seed(14).dataType(DataType.FLOAT).updater(new Sgd(0.005))
                .weightInit(WeightInit.XAVIER).list()
                .layer(new DropoutLayer.Builder(RETAIN).build())
                .layer(new ConvolutionLayer.Builder(3, 3).convolutionMode(ConvolutionMode.Same).nOut(FILTERS)
                        .activation(Activation.TANH).build())
                .layer(new DropoutLayer.Builder(RETAIN).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(OUTPUTS)
                        .activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(SIZE, SIZE, CHANNELS))
                .build();
    }

    @Test
    void sameSeedSameMasksAndOutputs() {
        FastAndBuiltIn pair = FastAndBuiltIn.of(DropoutFastPathTest::configuration);
        List<INDArray> fast = pair.onFast(FastAndBuiltIn.forward(INPUT, true, 21));
        List<INDArray> ref = pair.onBuiltIn(FastAndBuiltIn.forward(INPUT, true, 21));

        Agreement.assertIdentical("dropout: first dropout output (training)", fast.get(1), ref.get(1));
        Agreement.assertIdentical("dropout: second dropout mask (training)", mask(fast.get(3)), mask(ref.get(3)));
        Agreement.assertClose("dropout: second dropout output (training)", fast.get(3), ref.get(3),
                tolerance(SECOND_DROPOUT_K));
        Agreement.assertClose("dropout: network output (training)", fast.get(4), ref.get(4), tolerance(OUTPUT_K));

        assertKeepsAboutRetain(mask(ref.get(1)));
        assertKeepsAboutRetain(mask(ref.get(3)));
        List<INDArray> otherSeed = pair.onFast(FastAndBuiltIn.forward(INPUT, true, 22));
        assertNotEquals(mask(fast.get(1)), mask(otherSeed.get(1)), "a different seed gave the same mask");

        for (int i : new int[] {0, 2}) {
            assertNull(pair.fast.getLayer(i).getHelper(), "dropout layer " + i + " has a helper: " + pair.probe);
        }
        pair.assertOneDnnComputed(1, "preOutput");
    }

    @Test
    void inferenceDropsNothing() {
        FastAndBuiltIn pair = FastAndBuiltIn.of(DropoutFastPathTest::configuration);
        List<INDArray> fast = pair.onFast(FastAndBuiltIn.forward(INPUT, false, 21));
        List<INDArray> ref = pair.onBuiltIn(FastAndBuiltIn.forward(INPUT, false, 21));
        Agreement.assertIdentical("dropout: first dropout output (inference) = input", fast.get(1), INPUT);
        Agreement.assertIdentical("dropout: second dropout output (inference) = conv", fast.get(3), fast.get(2));
        Agreement.assertClose("dropout: network output (inference)", fast.get(4), ref.get(4), tolerance(OUTPUT_K));
    }

    @Test
    void gradientsMatchWithTheSameSeed() {
        FastAndBuiltIn pair = FastAndBuiltIn.of(DropoutFastPathTest::configuration);
        Map<String, INDArray> fast = pair.onFast(FastAndBuiltIn.gradients(INPUT, TARGETS, 23));
        Map<String, INDArray> ref = pair.onBuiltIn(FastAndBuiltIn.gradients(INPUT, TARGETS, 23));
        assertEquals(ref.keySet(), fast.keySet());
        for (String key : ref.keySet()) {
            Agreement.assertClose("dropout: gradient " + key, fast.get(key), ref.get(key), tolerance(GRADIENT_K));
        }
        // Dropped inputs get no gradient, in both.
        Agreement.assertIdentical("dropout: input gradient zero pattern", mask(fast.get("input")),
                mask(ref.get("input")));
        pair.assertOneDnnComputed(1, "preOutput", "backpropGradient");
    }

    @Test
    void trainingStepsMatchWithTheSameSeeds() {
        FastAndBuiltIn pair = FastAndBuiltIn.of(DropoutFastPathTest::configuration);
        List<INDArray> fast = pair.onFast(FastAndBuiltIn.train(INPUT, TARGETS, 4, 31));
        List<INDArray> ref = pair.onBuiltIn(FastAndBuiltIn.train(INPUT, TARGETS, 4, 31));
        Agreement.assertTrainedClose("dropout: parameters", fast, ref, tolerance(GRADIENT_K));
        pair.assertOneDnnComputed(1, "preOutput", "backpropGradient");
    }

    /** 1 where a value was kept, 0 where it was dropped. */
    private static INDArray mask(INDArray output) {
        return output.neq(0).castTo(DataType.FLOAT);
    }

    private static void assertKeepsAboutRetain(INDArray mask) {
        long n = mask.length();
        double kept = mask.sumNumber().doubleValue() / n;
        double sd = Math.sqrt(RETAIN * (1 - RETAIN) / n);
        Agreement.log(String.format(java.util.Locale.ROOT, "dropout: kept %.4f of %d (expected %.2f, 5σ = %.4f)", kept, n,
                RETAIN, 5 * sd));
        assertTrue(Math.abs(kept - RETAIN) <= 5 * sd, "kept " + kept + " of " + n + ", expected " + RETAIN);
    }
}
