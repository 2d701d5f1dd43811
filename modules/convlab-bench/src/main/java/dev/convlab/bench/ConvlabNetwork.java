package dev.convlab.bench;

import dev.convlab.backend.Backends;
import dev.convlab.config.ConfigProblem;
import dev.convlab.config.ImageShape;
import dev.convlab.config.RunConfig;
import dev.convlab.config.yaml.ConfigLoader;
import dev.convlab.config.yaml.LoadedConfig;
import dev.convlab.model.MemoryEstimator;
import dev.convlab.model.ModelFactory;
import dev.convlab.model.ModelPlan;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

/**
 * A benchmark network as `convlab train` makes it: the YAML loaded and checked, Backends.init with the config's
 * backend (the default fast path), then ModelFactory's plan and build. Only the data is left out: the benchmark
 * feeds random batches, so the class count comes from {@link Network} instead of a dataset.
 *
 * @param estimateBytes what `convlab check` estimates a training step needs, shown next to the measured peak
 */
public record ConvlabNetwork(MultiLayerConfiguration configuration, ModelPlan plan, long estimateBytes) {

    public static ConvlabNetwork fromYaml(Path yaml, Network network, int batch) {
        LoadedConfig loaded = ConfigLoader.load(yaml, List.of());
        RunConfig config = loaded.config();
        if (config.data().batchSize() != batch) {
            throw new IllegalArgumentException(yaml + " has batch_size " + config.data().batchSize()
                    + " but the benchmark runs " + network.id() + " at batch " + batch + "; make them agree");
        }
        ImageShape shape = config.data().inputShape();
        if (shape.height() != network.height() || shape.width() != network.width()
                || shape.channels() != network.channels()) {
            throw new IllegalArgumentException(yaml + " has input " + shape + ", not the benchmark's "
                    + network.height() + "x" + network.width() + "x" + network.channels());
        }
        Backends.init(config.backend());
        ModelPlan plan;
        try {
            plan = ModelFactory.plan(config, network.classes());
        } catch (ConfigProblem problem) {
            throw loaded.locate(problem);
        }
        MultiLayerConfiguration conf = ModelFactory.build(plan, config.training().optimizer(), config.seed());
        long estimate = MemoryEstimator.estimate(plan, config.training().optimizer(), batch).totalBytes();
        return new ConvlabNetwork(conf, plan, estimate);
    }
}
