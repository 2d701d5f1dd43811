package dev.convlab.train;

import dev.convlab.backend.BackendFacts;
import dev.convlab.backend.Backends;
import dev.convlab.config.BackendKind;
import dev.convlab.config.RunConfig;
import dev.convlab.config.yaml.ConfigLoader;
import dev.convlab.config.yaml.LoadedConfig;
import dev.convlab.model.MemoryEstimate;
import dev.convlab.model.MemoryEstimator;
import dev.convlab.model.ModelFactory;
import dev.convlab.model.ModelPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures the peak memory of training each of issue 3's three networks and sets it beside
 * {@link MemoryEstimator}'s estimate (docs/memory.md has the method and the numbers). Not a test: it takes a minute
 * or two. From the repository root, after {@code mvn -q -o install -DskipTests}:
 * <pre>
 *   mvn -q -o -pl modules/convlab-train test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *       -Dmdep.outputFile=target/test-classpath.txt
 *   java -cp modules/convlab-train/target/test-classes:modules/convlab-train/target/classes:$(cat \
 *       modules/convlab-train/target/test-classpath.txt) dev.convlab.train.MemoryPeakMain [NETWORK[@BATCH] ...]
 * </pre>
 * NETWORK is mnist, cats-dogs or vgg16 (all three by default); -Dconvlab.memory.steps=N changes the step count.
 * Each network trains in a fresh JVM started with the memory flags scripts/convlab would give it on this machine,
 * through convlab's own epoch loop (prefetching thread included), on random batches of the right shape. Peak means
 * the kernel's high-water mark of the process's resident memory (VmHWM): heap, ND4J's arrays and workspaces, the
 * native libraries and thread stacks, everything the machine must supply.
 */
public final class MemoryPeakMain {

    /** One of the networks; the YAML matches configs/bench (the benchmark's copies), data never read. */
    enum Network {
        MNIST("mnist", 10, 8, """
                name: mnist-cnn
                data: {dataset: mnist, batch_size: 64}
                model:
                  layers:
                    - conv2d: {filters: 32, kernel_size: 3, activation: relu}
                    - max_pooling2d: {pool_size: 2}
                    - conv2d: {filters: 64, kernel_size: 3, activation: relu}
                    - max_pooling2d: {pool_size: 2}
                    - flatten: {}
                    - dense: {units: 128, activation: relu}
                    - dense: {units: 10, activation: softmax}
                training:
                  optimizer: {type: adam, learning_rate: 0.001}
                  loss: categorical_crossentropy
                """),
        CATS_DOGS("cats-dogs", 2, 6, """
                name: cats-dogs-cnn
                data:
                  dataset: image-folder
                  path: data/cats_and_dogs_small/train
                  image: {height: 150, width: 150, channels: 3}
                  batch_size: 32
                model:
                  layers:
                    - conv2d: {filters: 32, kernel_size: 3, activation: relu}
                    - max_pooling2d: {pool_size: 2}
                    - conv2d: {filters: 64, kernel_size: 3, activation: relu}
                    - max_pooling2d: {pool_size: 2}
                    - conv2d: {filters: 128, kernel_size: 3, activation: relu}
                    - max_pooling2d: {pool_size: 2}
                    - conv2d: {filters: 128, kernel_size: 3, activation: relu}
                    - max_pooling2d: {pool_size: 2}
                    - flatten: {}
                    - dropout: {rate: 0.5}
                    - dense: {units: 512, activation: relu}
                    - dense: {units: 1, activation: sigmoid}
                training:
                  optimizer: {type: rmsprop, learning_rate: 0.0001}
                  loss: binary_crossentropy
                """),
        VGG16("vgg16", 1000, 3, """
                name: vgg16
                data:
                  dataset: image-folder
                  path: data/imagenet/train
                  image: {height: 224, width: 224, channels: 3}
                  batch_size: 8
                model:
                  vgg:
                    blocks:
                      - {filters: 64, convs: 2}
                      - {filters: 128, convs: 2}
                      - {filters: 256, convs: 3}
                      - {filters: 512, convs: 3}
                      - {filters: 512, convs: 3}
                    dense: [4096, 4096]
                    classes: 1000
                training:
                  optimizer: {type: sgd, learning_rate: 0.01, momentum: 0.9}
                  loss: categorical_crossentropy
                """);

        final String id;
        final int classes;
        final int steps;
        final String yaml;

        Network(String id, int classes, int steps, String yaml) {
            this.id = id;
            this.classes = classes;
            this.steps = steps;
            this.yaml = yaml;
        }

        static Network of(String id) {
            for (Network n : values()) {
                if (n.id.equals(id)) {
                    return n;
                }
            }
            throw new IllegalArgumentException("unknown network " + id + "; one of mnist, cats-dogs, vgg16");
        }
    }

    /** Training steps per network (default: each network's own, enough for the peak to settle). */
    static final String STEPS_PROPERTY = "convlab.memory.steps";

    private MemoryPeakMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("--one")) {
            measure(Network.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : -1);
            return;
        }
        List<String> ids = args.length == 0 ? List.of("mnist", "cats-dogs", "vgg16") : List.of(args);
        List<String> rows = new ArrayList<>();
        for (String id : ids) {
            String[] parts = id.split("@");
            Map<String, String> r = fork(Network.of(parts[0]), parts.length > 1 ? parts[1] : "-1");
            rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.2f |", r.get("network"), r.get("batch"),
                    mib(r.get("estimate")), mib(r.get("peak_rss")), mib(r.get("base_rss")),
                    Double.parseDouble(r.get("estimate")) / Double.parseDouble(r.get("peak_rss"))));
        }
        System.out.println("| network | batch | estimate | measured peak (VmHWM) | of which before the network | estimate / measured |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        rows.forEach(System.out::println);
    }

    /** The flags scripts/convlab computes from /proc/meminfo, so the measured JVM sizes itself as a real run. */
    static List<String> launcherFlags() throws IOException {
        long memMb = 8192;
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                memMb = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        long heapMb = Math.min(memMb / 4, 8192);
        long offMb = memMb / 2;
        long physMb = Math.min(heapMb + offMb + memMb / 10, memMb * 85 / 100);
        return List.of("-Xmx" + heapMb + "m", "-Dorg.bytedeco.javacpp.maxbytes=" + offMb + "m",
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=" + physMb + "m");
    }

    private static Map<String, String> fork(Network network, String batch) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(launcherFlags());
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        // the heap the JVM has committed is resident from the start, as it is after a long run (see docs/memory.md)
        cmd.add("-XX:+AlwaysPreTouch");
        if (System.getProperty(STEPS_PROPERTY) != null) {
            cmd.add("-D" + STEPS_PROPERTY + "=" + System.getProperty(STEPS_PROPERTY));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MemoryPeakMain.class.getName(), "--one",
                network.id, batch));
        System.err.println("measuring " + network.id + ": " + String.join(" ", cmd.subList(1, 4)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(network.id + " failed:\n" + out);
        }
        System.err.println(out);
        Map<String, String> result = new LinkedHashMap<>();
        out.lines().filter(l -> l.startsWith("result "))
                .forEach(l -> result.put(l.substring(7, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return result;
    }

    private static void measure(Network network, int batchOverride) throws IOException {
        Backends.init(BackendKind.CPU);
        BackendFacts facts = BackendFacts.collect();
        long base = status("VmRSS");
        List<String> overrides = batchOverride > 0 ? List.of("data.batch_size=" + batchOverride) : List.of();
        LoadedConfig loaded = ConfigLoader.load(network.yaml, network.id + ".yaml", overrides);
        RunConfig config = loaded.config();
        int batch = config.data().batchSize();
        ModelPlan plan = ModelFactory.plan(config, network.classes);
        MemoryEstimate estimate = MemoryEstimator.estimate(plan, config.training().optimizer(), batch);
        MultiLayerNetwork net = ModelFactory.network(
                ModelFactory.build(plan, config.training().optimizer(), config.seed()));
        long afterNetwork = status("VmRSS");

        int steps = Integer.getInteger(STEPS_PROPERTY, network.steps);
        Labels labels = new Labels(network.classes == 2 ? List.of("cat", "dog") : List.of(),
                plan.outputUnits() == 1 && network.classes == 2);
        EpochLoop loop = new EpochLoop(net, labels, new Progress(new PrintWriter(new StringWriter()), false));
        PhaseTrace trace = new PhaseTrace();
        net.addListeners(trace);
        var input = config.data().inputShape();
        long start = System.nanoTime();
        // one epoch, as convlab trains: the same prefetching thread and workspaces for every step
        loop.run(1, 1, new RandomBatches(batch, input.height(), input.width(), input.channels(), network.classes,
                steps), (long) batch * steps, null);
        double seconds = (System.nanoTime() - start) / 1e9;
        trace.stop();

        Map<String, Long> workspaces = new LinkedHashMap<>();
        for (MemoryWorkspace ws : Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread()) {
            workspaces.put(ws.getId(), ws.getCurrentSize() >> 20);
        }
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        long heapCommitted = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();

        System.out.println(estimate.text());
        System.out.println("native " + facts.variantLoaded() + ", oneDNN helpers " + facts.oneDnnHelpers() + ", "
                + facts.threads() + " threads, " + steps + " steps in " + Math.round(seconds) + " s");
        System.out.println("VmHWM after each step (MiB): " + trace.hwmByStep);
        System.out.println("first steps, VmRSS by phase, highest since the previous phase / at it (MiB): "
                + trace.phases);
        System.out.println("workspaces of the training thread (MiB): " + workspaces);
        System.out.println("heap: peak used " + (heapPeak >> 20) + " MiB, committed " + (heapCommitted >> 20) + " MiB");
        print("network", network.id);
        print("batch", Integer.toString(batch));
        print("estimate", Long.toString(estimate.totalBytes()));
        print("base_rss", Long.toString(base));
        print("after_network_rss", Long.toString(afterNetwork));
        print("peak_rss", Long.toString(status("VmHWM")));
        print("heap_peak", Long.toString(heapPeak));
        print("params", Long.toString(net.numParams()));
    }

    /**
     * Where in a step the memory peaks: VmRSS sampled every 2 ms, its highest value reported at each phase DL4J
     * tells listeners about (forward pass done, backward pass done, gradients ready, step done) for the first steps,
     * and VmHWM after every step.
     */
    private static final class PhaseTrace extends BaseTrainingListener {
        private static final int TRACED_STEPS = 3;
        final List<Long> hwmByStep = new ArrayList<>();
        final List<String> phases = new ArrayList<>();
        private final AtomicLong highest = new AtomicLong();
        private final Thread sampler;

        PhaseTrace() {
            sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    highest.accumulateAndGet(statusQuietly("VmRSS"), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        void stop() {
            sampler.interrupt();
        }

        private void mark(String phase) {
            if (hwmByStep.size() < TRACED_STEPS) {
                long now = statusQuietly("VmRSS");
                phases.add(phase + " " + (Math.max(highest.getAndSet(now), now) >> 20) + "/" + (now >> 20));
            }
        }

        @Override
        public void onForwardPass(Model model, List<INDArray> activations) {
            mark("fwd");
        }

        @Override
        public void onBackwardPass(Model model) {
            mark("bwd");
        }

        @Override
        public void onGradientCalculation(Model model) {
            mark("grad");
        }

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            mark("done");
            hwmByStep.add(statusQuietly("VmHWM") >> 20);
        }
    }

    private static void print(String key, String value) {
        System.out.println("result " + key + "=" + value);
    }

    /** A /proc/self/status field, in bytes. */
    static long status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/self/status");
    }

    private static long statusQuietly(String field) {
        try {
            return status(field);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String mib(String bytes) {
        return String.format(Locale.ROOT, "%,d MiB", Long.parseLong(bytes) >> 20);
    }
}
