package dev.convlab.bench;

import dev.convlab.backend.FastPathNetwork;
import dev.convlab.bench.report.Results;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Issue 3's "convlab via YAML within 3% of the same fast settings written by hand", measured in one JVM: (a) the
 * network from its YAML and (c) the same network by hand with convlab's settings, built side by side and timed in
 * alternating blocks of steps (the block order alternating too). Between processes on this machine a step's time
 * varies by more than the 3% to be shown (the same measurement repeated differs by a third), and (a) and (c) need
 * no separate processes: both run on the same native build with the same helper switch.
 * <pre>
 *   --network NAME --mode train|infer --batch N --config configs/bench/NETWORK.yaml
 *   --warmup N [--warmup-seconds S] --blocks N --block-steps N --out results.jsonl
 * </pre>
 */
public final class PairMain {
    private PairMain() {
    }

    public static void main(String[] args) {
        Args a = Args.parse(args);
        Network network = Network.byId(a.get("network"));
        String mode = a.get("mode");
        boolean train = mode.equals("train");
        int batch = a.getInt("batch");
        int blocks = a.getInt("blocks");
        int blockSteps = a.getInt("block-steps");

        // (a) as ThroughputMain builds it; Backends.init runs inside, before anything touches ND4J
        MultiLayerConfiguration yamlConf = ConvlabNetwork.fromYaml(Path.of(a.get("config")), network, batch)
                .configuration();
        MultiLayerConfiguration handConf = network.handBuilt(network.convlabUpdater(), CacheMode.DEVICE);
        Runnable yaml = step(yamlConf, network, batch, train);
        Runnable hand = step(handConf, network, batch, train);
        // warm-up as Budget's: both networks in turn, for at least the steps and the seconds asked (the JIT compiler
        // takes a core for the first seconds of the process, and blocks timed then measure it, not the networks)
        Budget warmup = Budget.warmupFrom(a);
        Throughput.warmUp(() -> {
            yaml.run();
            hand.run();
        }, warmup);
        List<Double> ratios = new ArrayList<>();
        List<Double> yamlSteps = new ArrayList<>();
        List<Double> handSteps = new ArrayList<>();
        for (int block = 0; block < blocks; block++) {
            boolean yamlFirst = block % 2 == 0;
            double first = time(yamlFirst ? yaml : hand, blockSteps, yamlFirst ? yamlSteps : handSteps);
            double second = time(yamlFirst ? hand : yaml, blockSteps, yamlFirst ? handSteps : yamlSteps);
            double y = yamlFirst ? first : second;
            double h = yamlFirst ? second : first;
            ratios.add(h / y); // (a)'s images/s over (c)'s
        }
        double images = (double) blocks * blockSteps * batch;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("kind", "pair");
        result.put("network", network.id());
        result.put("mode", mode);
        result.put("batch", batch);
        result.put("warmup_steps", warmup.warmupSteps());
        result.put("warmup_seconds", warmup.warmupSeconds());
        result.put("blocks", blocks);
        result.put("block_steps", blockSteps);
        result.put("yaml_images_per_s", images / sum(yamlSteps));
        result.put("hand_images_per_s", images / sum(handSteps));
        // the headline: median step time of (c) over (a)'s. Both compute the same layers, so their step times differ
        // only by overhead and by the machine's hiccups (another tenant, a GC pause), which reach single steps and
        // whole blocks alike: on 2026-11-22 the block ratios of one run spread from 0.5 to 2.0 and their median
        // moved by 0.15 between two runs of the same code; the median step is steadier (1.08, 1.01, 0.99, 0.99 for
        // MNIST inference in four processes) but not always (0.905 in a fifth)
        double yamlMedian = Results.median(yamlSteps);
        double handMedian = Results.median(handSteps);
        result.put("ratio_median_step", handMedian / yamlMedian);
        result.put("yaml_step_ms_median", yamlMedian * 1000);
        result.put("hand_step_ms_median", handMedian * 1000);
        result.put("ratio_median", Results.median(ratios));
        result.put("ratio_min", ratios.stream().min(Double::compare).orElseThrow());
        result.put("ratio_max", ratios.stream().max(Double::compare).orElseThrow());
        ResultLine.append(Path.of(a.get("out")), result);
        System.exit(0); // ND4J's non-daemon threads can keep the JVM alive
    }

    private static Runnable step(MultiLayerConfiguration conf, Network network, int batch, boolean train) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        FastPathNetwork.apply(net);
        RandomBatch data = RandomBatch.of(net, batch, network.height(), network.width(), network.channels(), 42);
        return data.step(net, train);
    }

    private static double sum(List<Double> seconds) {
        return seconds.stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Runs {@code steps} steps, adds each one's seconds to {@code into}, and returns their sum. */
    private static double time(Runnable step, int steps, List<Double> into) {
        double total = 0;
        for (int i = 0; i < steps; i++) {
            long start = System.nanoTime();
            step.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            into.add(seconds);
            total += seconds;
        }
        return total;
    }
}
