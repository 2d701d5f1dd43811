package dev.convlab.bench;

import dev.convlab.backend.Backends;
import dev.convlab.backend.FastPathNetwork;
import dev.convlab.config.BackendKind;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * One throughput measurement in this JVM: one network, one implementation, training or inference. The native
 * build and DL4J's helper switch are fixed when ND4J loads, so each implementation needs its own process;
 * scripts/benchmark.sh starts one per measurement.
 * <pre>
 *   --network mnist-cnn|cats-dogs-cnn|vgg16  --impl convlab|dl4j-default|dl4j-fast  --mode train|infer
 *   --batch N  --config configs/bench/NETWORK.yaml  --warmup N [--warmup-seconds S] --min-steps N
 *   --min-seconds S --max-seconds S --out results.jsonl
 * </pre>
 */
public final class ThroughputMain {
    private ThroughputMain() {
    }

    public static void main(String[] args) {
        Args a = Args.parse(args);
        Network network = Network.byId(a.get("network"));
        Impl impl = Impl.byId(a.get("impl"));
        String mode = a.get("mode");
        if (!mode.equals("train") && !mode.equals("infer")) {
            throw new IllegalArgumentException("--mode is train or infer, not " + mode);
        }
        int batch = a.getInt("batch");

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("kind", "throughput");
        result.put("network", network.id());
        result.put("impl", impl.id());
        result.put("mode", mode);
        result.put("batch", batch);
        if (!a.get("round", "").isEmpty()) {
            result.put("round", Integer.parseInt(a.get("round"))); // scripts/benchmark.sh pairs impls by round
        }
        MultiLayerConfiguration conf = switch (impl) {
            case CONVLAB -> {
                ConvlabNetwork built = ConvlabNetwork.fromYaml(Path.of(a.get("config")), network, batch);
                result.put("config", a.get("config"));
                result.put("estimate_bytes", built.estimateBytes());
                yield built.configuration();
            }
            case DL4J_FAST -> {
                Backends.init(BackendKind.AUTO);
                // the fast settings by hand: helpers (Backends.init) and DL4J's cache mode in the builder
                yield network.handBuilt(network.convlabUpdater(), CacheMode.DEVICE);
            }
            case DL4J_DEFAULT -> network.handBuilt(network.dl4jUpdater());
        };
        result.put("updater", ((BaseLayer) conf.getConf(0).getLayer()).getIUpdater().toString());
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        if (impl != Impl.DL4J_DEFAULT) {
            // as convlab's training loop does (its validation runs on the same network) and evaluate and predict
            FastPathNetwork.apply(net);
        }
        result.put("cache_mode", net.getLayerWiseConfigurations().getCacheMode().name());
        RandomBatch data = RandomBatch.of(net, batch, network.height(), network.width(), network.channels(), 42);
        boolean train = mode.equals("train");
        Runnable step = data.step(net, train);

        Budget budget = Budget.from(a);
        Timing timing = Throughput.measure(step, batch, budget);

        long forward = Flops.forwardPerImage(conf, network.inputType());
        long perImage = train ? Flops.TRAINING_FACTOR * forward : forward;
        result.put("warmup_steps", budget.warmupSteps());
        result.put("warmup_seconds", budget.warmupSeconds());
        result.put("steps", timing.steps());
        result.put("seconds", timing.totalSeconds());
        result.put("images_per_s", timing.imagesPerSecond());
        result.put("step_ms_median", timing.medianStepSeconds() * 1000);
        result.put("step_variation", ResultLine.number(timing.stepVariation()));
        result.put("params", net.numParams());
        result.put("forward_flops_per_image", forward);
        result.put("gflops_per_s", perImage * timing.imagesPerSecond() / 1e9);
        result.put("peak_rss_bytes", PeakMemory.highWaterMark());
        if (train) {
            result.put("last_loss", ResultLine.number(net.score()));
        }
        result.putAll(NativeFacts.of(net));
        result.put("java", System.getProperty("java.runtime.version"));
        ResultLine.append(Path.of(a.get("out")), result);
        // ND4J's non-daemon threads can keep the JVM alive
        System.exit(0);
    }
}
