package dev.convlab.bench.data;

import dev.convlab.backend.Backends;
import dev.convlab.bench.Args;
import dev.convlab.bench.NativeFacts;
import dev.convlab.bench.PeakMemory;
import dev.convlab.bench.RandomBatch;
import dev.convlab.bench.ResultLine;
import dev.convlab.config.ConfigProblem;
import dev.convlab.config.ImageShape;
import dev.convlab.config.RunConfig;
import dev.convlab.config.yaml.ConfigLoader;
import dev.convlab.config.yaml.LoadedConfig;
import dev.convlab.data.DataSplits;
import dev.convlab.data.Datasets;
import dev.convlab.model.ModelFactory;
import dev.convlab.model.ModelPlan;
import dev.convlab.train.Labels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.datasets.iterator.AsyncDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * The data-wait case: trains the cats-vs-dogs CNN from a generated folder of 150x150 JPEG/PNG images through
 * convlab's data path (Datasets.open with image-folder, augmentation on when convlab has it) and reports the share
 * of the epoch spent blocked waiting for the next batch.
 * <pre>
 *   --config configs/bench/cats-dogs-cnn.yaml --folder DIR --images N --epochs N --warmup N
 *   --augmentation on|off --out results.jsonl
 * </pre>
 * The epoch loop is EpochLoop's (convlab-train, package-private, so mirrored here): the training iterator wrapped
 * in AsyncDataSetIterator with 4 batches of prefetch, labels adapted for the sigmoid output, fit per batch, the
 * loss read per step; its running-accuracy listener and progress line are left out (no data access). The
 * network is warmed up on a random batch first, so the epoch is not stretched by JIT warm-up, which would make the
 * wait share look smaller than it is.
 */
public final class DataWaitMain {
    private static final int PREFETCH = 4;

    private DataWaitMain() {
    }

    public static void main(String[] args) {
        Args a = Args.parse(args);
        Path folder = Path.of(a.get("folder"));
        int images = a.getInt("images");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("kind", "data_wait");
        result.put("network", "cats-dogs-cnn");

        long t0 = System.nanoTime();
        SyntheticImages.write(folder, images, 150, 150, 42);
        result.put("generate_seconds", (System.nanoTime() - t0) / 1e9);

        List<String> overrides = new ArrayList<>(List.of("data.path=" + folder.toAbsolutePath()));
        boolean wanted = !a.get("augmentation", "on").equals("off");
        if (wanted && Augmentation.available()) {
            overrides.add("data.augmentation=" + Augmentation.TUTORIAL);
            result.put("augmentation", Augmentation.TUTORIAL);
        } else {
            result.put("augmentation", wanted ? "not available: DataConfig has no augmentation yet" : "off");
        }
        LoadedConfig loaded = ConfigLoader.load(Path.of(a.get("config")), overrides);
        RunConfig config = loaded.config();
        Backends.init(config.backend());
        DataSplits data;
        ModelPlan plan;
        long opening = System.nanoTime();
        try {
            data = Datasets.open(config.data(), config.seed());
            plan = ModelFactory.plan(config, data.numClasses());
        } catch (ConfigProblem problem) {
            throw loaded.locate(problem);
        }
        // the folder scan and any pre-scan of the files happen here, once per run, not in an epoch
        result.put("open_seconds", (System.nanoTime() - opening) / 1e9);
        MultiLayerNetwork net = ModelFactory.network(ModelFactory.build(plan, config.training().optimizer(),
                config.seed()));
        Labels labels = new Labels(data.classNames(), plan.outputUnits() == 1 && data.numClasses() == 2);
        warmUp(net, config.data().batchSize(), config.data().inputShape(), a.getInt("warmup"));

        List<Map<String, Object>> epochs = new ArrayList<>();
        for (int e = 1; e <= a.getInt("epochs"); e++) {
            epochs.add(epoch(net, data.train(), labels));
        }
        result.put("train_images", data.trainCount());
        result.put("batch", config.data().batchSize());
        result.put("prefetch", PREFETCH);
        result.put("epochs", epochs);
        result.put("peak_rss_bytes", PeakMemory.highWaterMark());
        result.putAll(NativeFacts.of(net));
        ResultLine.append(Path.of(a.get("out")), result);
        System.exit(0);
    }

    private static void warmUp(MultiLayerNetwork net, int batch, ImageShape shape, int steps) {
        RandomBatch random = RandomBatch.of(net, batch, shape.height(), shape.width(), shape.channels(), 7);
        for (int i = 0; i < steps; i++) {
            net.fit(random.features(), random.labels());
        }
    }

    // deprecated in M2.1 without a replacement in deeplearning4j-core; EpochLoop uses it and this mirrors EpochLoop
    @SuppressWarnings("deprecation")
    private static Map<String, Object> epoch(MultiLayerNetwork net, DataSetIterator train, Labels labels) {
        WaitClock clock = new WaitClock();
        long start = System.nanoTime();
        train.reset();
        DataSetIterator batches = train.asyncSupported() ? new AsyncDataSetIterator(train, PREFETCH) : train;
        int count = 0;
        long seen = 0;
        try {
            while (clock.time(batches::hasNext)) {
                DataSet batch = labels.adapt(clock.time(batches::next));
                clock.markFirstBatch();
                net.fit(batch);
                net.score(); // EpochLoop reads the loss every step to stop on NaN
                count++;
                seen += batch.numExamples();
            }
        } finally {
            if (batches instanceof AsyncDataSetIterator async) {
                async.shutdown();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("async", batches instanceof AsyncDataSetIterator);
        m.put("batches", count);
        m.put("images", seen);
        m.put("epoch_seconds", seconds);
        m.put("wait_seconds", clock.seconds());
        m.put("first_batch_wait_seconds", clock.firstBatchSeconds());
        m.put("wait_share", clock.seconds() / seconds);
        m.put("images_per_s", seen / seconds);
        return m;
    }
}
