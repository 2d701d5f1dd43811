package dev.convlab.train;

import dev.convlab.backend.BackendFacts;
import dev.convlab.backend.Backends;
import dev.convlab.config.ConfigProblem;
import dev.convlab.config.RunConfig;
import dev.convlab.config.yaml.LoadedConfig;
import dev.convlab.data.DataSplits;
import dev.convlab.data.Datasets;
import dev.convlab.model.MemoryEstimator;
import dev.convlab.model.ModelFactory;
import dev.convlab.model.ModelPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.CrashReportingUtil;

/**
 * One training run, start to finish: backend, data, model, epochs, test evaluation, and the run directory. What is
 * finished is on disk before the next step starts (config and manifest first, history after every epoch, the model
 * at the end), so a crash loses only the epoch in progress.
 */
public final class TrainRun {
    private final LoadedConfig loaded;
    private final PrintWriter out;
    private final Progress progress;

    public TrainRun(LoadedConfig loaded, PrintWriter out, boolean terminal) {
        this.loaded = loaded;
        this.out = out;
        this.progress = new Progress(out, terminal);
    }

    /** The finished run: its folder and test evaluation. */
    public record Result(RunDirectory directory, Metrics.Result test, List<EpochResult> history) {
    }

    public Result run() {
        RunConfig config = loaded.config();
        Backends.init(config.backend());
        DataSplits data = locate(() -> Datasets.open(config.data(), config.seed()));
        ModelPlan plan = locate(() -> ModelFactory.plan(config, data.numClasses()));
        // collect() trains a tiny network, which re-seeds ND4J's global generator: before the run's own network
        BackendFacts backend = BackendFacts.collect();
        Labels labels = new Labels(data.classNames(), plan.outputUnits() == 1 && data.numClasses() == 2);

        RunDirectory dir = RunDirectory.create(Path.of(config.outputDir()), config.name(), LocalDateTime.now());
        RunManifest manifest = new RunManifest(dir.manifest(), loaded, backend, data, plan);
        try {
            AtomicFiles.write(dir.config(), loaded.resolvedYaml());
            AtomicFiles.write(dir.summary(), plan.summary(config.name()));
            manifest.status("running");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run directory " + dir.path(), e);
        }
        out.println("run: " + dir.path());
        out.println("backend: " + backend.backend().toLowerCase(Locale.ROOT) + ", native " + backend.variantLoaded()
                + ", oneDNN helpers " + (backend.oneDnnHelpers() ? "on" : "off") + ", " + backend.threads()
                + " threads");
        out.println("data: " + data.description());
        out.println(plan.summary(config.name()));
        out.println(MemoryLimits.current().against(
                MemoryEstimator.estimate(plan, config.training().optimizer(), config.data().batchSize())));

        Thread hook = new Thread(() -> manifest.statusQuietly("interrupted"), "convlab-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        CrashReportingUtil.crashDumpOutputDirectory(dir.path().toFile()); // DL4J's dump on an OutOfMemoryError
        try {
            // built here, not earlier, so that running out of memory while allocating it is recorded in the run
            MultiLayerConfiguration conf = ModelFactory.build(plan, config.training().optimizer(), config.seed());
            MultiLayerNetwork net = ModelFactory.network(conf);
            List<EpochResult> history = trainEpochs(config, net, data, labels, dir, manifest);
            Metrics.Result test = Metrics.evaluate(net, data.test(), labels);
            Map<String, Object> evaluation = Evaluations.toMap(test, data.classNames());
            AtomicFiles.write(dir.evaluation(), Json.write(evaluation));
            AtomicFiles.write(dir.evaluationText(), test.evaluation().stats(false, true));
            manifest.test(evaluation);
            manifest.files(List.of("config.yaml", "summary.txt", "history.csv", "evaluation.json", "evaluation.txt",
                    "model.zip", "manifest.json"));
            manifest.status("completed");
            ModelBundle.save(dir.model(), net, loaded.resolvedYaml(), manifest.asMap(), data.classNames());
            out.printf(Locale.ROOT, "test: loss %.4f - accuracy %.4f on %d images%n", test.loss(), test.accuracy(),
                    test.examples());
            out.println("saved: " + dir.model());
            return new Result(dir, test, history);
        } catch (TrainingStopped e) {
            manifest.statusQuietly("diverged");
            throw e;
        } catch (IOException e) {
            manifest.statusQuietly("failed");
            throw new UncheckedIOException("writing the run directory " + dir.path() + " failed: " + e.getMessage(), e);
        } catch (RuntimeException | OutOfMemoryError e) {
            if (OutOfMemory.isOutOfMemory(e)) {
                manifest.statusQuietly("out_of_memory");
                throw OutOfMemory.of(e, config.data().batchSize(),
                        b -> MemoryEstimator.estimate(plan, config.training().optimizer(), b), MemoryLimits.current(),
                        dir.path().toString());
            }
            manifest.statusQuietly("failed");
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook runs
            }
        }
    }

    private List<EpochResult> trainEpochs(RunConfig config, MultiLayerNetwork net, DataSplits data, Labels labels,
                                          RunDirectory dir, RunManifest manifest) throws IOException {
        HistoryCsv history = new HistoryCsv(dir.history());
        EpochLoop loop = new EpochLoop(net, labels, progress);
        int epochs = config.training().epochs();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            EpochResult result = loop.run(epoch, epochs, data.train(), data.trainCount(),
                    data.validationCount() > 0 ? data.validation() : null);
            history.append(result);
            manifest.epochs(epoch, loop.iteration());
            progress.epochEnd(epochs, result);
        }
        return history.rows();
    }

    private <T> T locate(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (ConfigProblem problem) {
            throw loaded.locate(problem);
        }
    }
}
