package dev.convlab.viz;

import dev.convlab.backend.Backends;
import dev.convlab.config.BackendKind;
import dev.convlab.config.RunConfig;
import dev.convlab.config.yaml.ConfigLoader;
import dev.convlab.model.ModelFactory;
import dev.convlab.train.ModelBundle;
import dev.convlab.train.TrainRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The networks the tests look into: one trained on real digits (once per JVM), and small ones with fixed weights. */
final class Models {
    /** A small CNN trained on 600 MNIST digits (mnist-10k) for 3 epochs. */
    static final String TRAINED = """
            name: viz-digits
            seed: 7
            output_dir: OUTPUT_DIR
            data: {dataset: mnist-10k, batch_size: 32, max_train_samples: 600, max_test_samples: 100}
            model:
              layers:
                - conv2d: {filters: 8, kernel_size: 3, activation: relu}
                - max_pooling2d: {pool_size: 2}
                - conv2d: {filters: 16, kernel_size: 3, activation: relu}
                - max_pooling2d: {pool_size: 2}
                - flatten: {}
                - dropout: {rate: 0.3}
                - dense: {units: 10, activation: softmax}
            training:
              epochs: 3
              optimizer: {type: adam, learning_rate: 0.003}
            """;
    private static Trained trained;

    private Models() {
    }

    /** A model file, its bundle and its config. */
    record Trained(Path file, ModelBundle bundle, RunConfig config) {
        Visualizer visualizer(Path out) {
            return Visualizer.of(bundle, config, out);
        }
    }

    static synchronized Trained trained() {
        if (trained == null) {
            try {
                Path dir = Files.createTempDirectory("convlab-viz-test");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                var loaded = ConfigLoader.load(TRAINED.replace("OUTPUT_DIR", dir.toString()), "viz-digits.yaml",
                        List.of());
                TrainRun.Result result = new TrainRun(loaded, new PrintWriter(new StringWriter()), false).run();
                Path file = result.directory().path().resolve("model.zip");
                ModelBundle bundle = ModelBundle.load(file);
                trained = new Trained(file, bundle, loaded.config());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return trained;
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    static void backend() {
        Backends.init(BackendKind.AUTO);
    }

    static RunConfig config(String yaml) {
        return ConfigLoader.load(yaml, "test.yaml", List.of()).config();
    }

    /** A network built from {@code yaml} with its seeded initial weights, batch normalisation statistics made up. */
    static MultiLayerNetwork fixed(RunConfig config, int classes, long seed) {
        MultiLayerNetwork net = ModelFactory.network(ModelFactory.build(config, classes));
        Random random = new Random(seed);
        for (Layer layer : net.getLayers()) {
            if (layer.conf().getLayer() instanceof BatchNormalization) {
                // not the identity that a fresh layer is: a shift, a scale and statistics away from 0 and 1
                fill(layer.getParam(BatchNormalizationParamInitializer.GAMMA), random, 0.5, 1.5);
                fill(layer.getParam(BatchNormalizationParamInitializer.BETA), random, -0.5, 0.5);
                fill(layer.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN), random, -0.3, 0.3);
                fill(layer.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD), random, -0.4, 0.2);
            }
        }
        return net;
    }

    private static void fill(INDArray param, Random random, double low, double high) {
        for (long i = 0; i < param.length(); i++) {
            param.putScalar(i, low + (high - low) * random.nextDouble());
        }
    }
}
