package dev.convlab.backend;

import dev.convlab.config.BackendKind;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs every configuration of the fast-path comparison tests once on the fast path (an inference-mode forward
 * pass, then a training-mode forward and backward pass), printing {@code case=NAME} before each, for
 * {@link FastPathPrimitivesInFreshJvmTest}, which reads what oneDNN reports (DNNL_VERBOSE) between the markers.
 */
public final class FastPathCasesMain {
    private FastPathCasesMain() {
    }

    public static void main(String[] args) {
        Backends.init(BackendKind.CPU);
        System.out.println("onednn_build=" + Nd4j.getBackend().buildInfo().contains("HAVE_ONEDNN"));
        ConvolutionFastPathTest.cases().forEach(c -> run("conv " + c, c::configuration,
                FastAndBuiltIn.distinctInput(1, 4, 3, 10, 10)));
        PoolingFastPathTest.cases().forEach(c -> run("pool " + c, c::configuration,
                FastAndBuiltIn.distinctInput(3, 4, 3, 10, 10)));
        BatchNormFastPathTest.cases().forEach(c -> run("batch norm " + c, c::configuration, c.input()));
        System.out.println("case=end");
    }

    private static void run(String name, Supplier<MultiLayerConfiguration> configuration, INDArray input) {
        MultiLayerNetwork net = FastAndBuiltIn.withHelpers(true, () -> {
            MultiLayerNetwork n = new MultiLayerNetwork(configuration.get());
            n.init();
            return n;
        });
        INDArray labels = FastAndBuiltIn.targets(2, (int) input.size(0), 5);
        System.out.println("case=" + name);
        System.out.flush();
        FastAndBuiltIn.withHelpers(true, () -> {
            net.feedForward(input, false);
            return net.calculateGradients(input, labels, null, null);
        });
        Nd4j.getExecutioner().commit();
        System.out.flush();
    }
}
