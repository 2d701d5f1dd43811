package dev.convlab.train;

import dev.convlab.backend.BackendFacts;
import dev.convlab.backend.Backends;
import dev.convlab.config.BadInput;
import dev.convlab.config.ConfigProblem;
import dev.convlab.config.RunConfig;
import dev.convlab.config.yaml.LoadedConfig;
import dev.convlab.data.DataSplits;
import dev.convlab.data.Datasets;
import dev.convlab.data.Fold;
import dev.convlab.model.BaseModel;
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
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.CrashReportingUtil;

/**
 * One training run, start to finish, or the rest of one from its newest intact checkpoint: backend, data, model,
 * epochs with callbacks and checkpoints, test evaluation, and the run directory. What is finished is on disk before
 * the next step starts (config and manifest first, history and a backup after every epoch, the model at the end),
 * so a crash loses only the work since the last checkpoint.
 */
public final class TrainRun {
    private final LoadedConfig loaded;
    private final PrintWriter out;
    private final Progress progress;
    private final Path resumeDir;
    private final boolean force;
    private StopSignals signals;

    public TrainRun(LoadedConfig loaded, PrintWriter out, boolean terminal) {
        this(loaded, out, terminal, null, false);
    }

    private TrainRun(LoadedConfig loaded, PrintWriter out, boolean terminal, Path resumeDir, boolean force) {
        this.loaded = loaded;
        this.out = out;
        this.progress = new Progress(out, terminal);
        this.resumeDir = resumeDir;
        this.force = force;
    }

    /**
     * Continues the run in {@code runDir} with {@code loaded} (its own config.yaml unless another was given); a
     * config that differs from the checkpoint's is refused unless {@code force}.
     */
    public static TrainRun resume(Path runDir, LoadedConfig loaded, boolean force, PrintWriter out,
                                  boolean terminal) {
        return new TrainRun(loaded, out, terminal, runDir, force);
    }

    /** The finished run: its folder and test evaluation. */
    public record Result(RunDirectory directory, Metrics.Result test, List<EpochResult> history) {
    }

    private long stopAt;
    private Fold fold;
    private Path into;
    private final List<org.deeplearning4j.optimize.api.TrainingListener> listeners = new java.util.ArrayList<>();

    /** Extra DL4J listeners on the run's network (e.g. the training UI's StatsListener). */
    public TrainRun listeners(List<? extends org.deeplearning4j.optimize.api.TrainingListener> extra) {
        listeners.addAll(extra);
        return this;
    }

    /** Cross-validation: fold {@code fold} of the training data is the validation data (sweeps with cv). */
    public TrainRun fold(Fold fold) {
        this.fold = fold;
        return this;
    }

    /** Writes the run into exactly this (new or empty) folder instead of output_dir/name-time (sweep trials). */
    public TrainRun into(Path runDir) {
        this.into = runDir;
        return this;
    }

    /** For tests: stop as if SIGINT had arrived during training batch {@code iteration} (1-based, run-wide). */
    TrainRun stopAt(long iteration) {
        this.stopAt = iteration;
        return this;
    }

    public Result run() {
        RunConfig config = loaded.config();
        // read before the backend starts, so a run directory that cannot be resumed fails fast
        ResumePoint point = resumeDir != null ? ResumePoint.find(resumeDir, loaded, force, out::println) : null;
        Backends.init(config.backend());
        DataSplits data = locate(() -> fold != null ? Datasets.open(config.data(), config.seed(), fold)
                : Datasets.open(config.data(), config.seed()));
        // a resumed run takes its weights from its checkpoint: its base is read only for the names of the kept layers
        BaseModel base = locate(() -> point == null ? BaseModels.load(config) : BaseModels.describe(config));
        ModelPlan plan = locate(() -> ModelFactory.plan(config, data.numClasses(), base));
        CallbackSet callbacks = locate(() -> CallbackSet.of(config.training().callbacks(), data.validationCount() > 0));
        // collect() trains a tiny network, which re-seeds ND4J's global generator: before the run's own network
        BackendFacts backend = BackendFacts.collect();
        Labels labels = new Labels(data.classNames(), plan.outputUnits() == 1 && data.numClasses() == 2);

        RunDirectory dir;
        RunManifest manifest;
        CheckpointLedger ledger;
        try {
            if (point == null) {
                dir = into != null ? RunDirectory.at(into)
                        : RunDirectory.create(Path.of(config.outputDir()), config.name(), LocalDateTime.now());
                manifest = new RunManifest(dir.manifest(), loaded, backend, data, plan);
                ledger = CheckpointLedger.create(dir.path(), loaded.hash());
                AtomicFiles.write(dir.config(), loaded.resolvedYaml());
                AtomicFiles.write(dir.summary(), plan.summary(config.name()));
            } else {
                dir = new RunDirectory(resumeDir);
                manifest = RunManifest.resume(dir.manifest(), point.entry().file(), loaded.hash(), force);
                ledger = point.ledger();
                ledger.useConfigHash(loaded.hash());
                AtomicFiles.write(dir.config(), loaded.resolvedYaml());
            }
            manifest.status("running");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run directory: " + e.getMessage(), e);
        }
        out.println((point == null ? "run: " : "resuming: ") + dir.path());
        if (point != null) {
            out.println("from checkpoint " + point.entry().file() + " (epoch " + point.state().epochsDone()
                    + (point.state().batchesDone() > 0 ? " + " + point.state().batchesDone() + " batches" : "")
                    + ", iteration " + point.state().iteration() + ")");
        }
        out.println("backend: " + backend.backend().toLowerCase(Locale.ROOT) + ", native " + backend.variantLoaded()
                + ", oneDNN helpers " + (backend.oneDnnHelpers() ? "on" : "off") + ", " + backend.threads()
                + " threads");
        out.println("data: " + data.description());
        out.println(plan.summary(config.name()));
        out.println(MemoryLimits.current().against(
                MemoryEstimator.estimate(plan, config.training().optimizer(), config.data().batchSize())));

        signals = StopSignals.install();
        CrashReportingUtil.crashDumpOutputDirectory(dir.path().toFile()); // DL4J's dump on an OutOfMemoryError
        Session session = null;
        try {
            MultiLayerNetwork net;
            if (point == null) {
                // built here, not earlier, so that running out of memory while allocating it is recorded in the run
                net = ModelFactory.network(plan, config.training().optimizer(), config.seed(), base);
                if (base != null) {
                    base.network().close(); // its weights are copied: free its native memory before training
                }
            } else {
                net = point.network(plan);
            }
            if (!listeners.isEmpty()) {
                net.addListeners(listeners.toArray(org.deeplearning4j.optimize.api.TrainingListener[]::new));
            }
            Map<String, byte[]> entries = ModelBundle.entries(loaded.resolvedYaml(), manifest.asMap(),
                    data.classNames());
            session = new Session(config, net, data, labels, dir, manifest, ledger, progress, signals, callbacks,
                    entries, point == null ? 0 : point.state().iteration());
            session.stopAt(stopAt);
            if (point == null) {
                session.start();
            } else {
                session.restore(point.state(), point.bestWeights(), point.entry().file());
            }
            session.train(point == null ? null : point.state());
            Misclassified.Collector misclassified = new Misclassified.Collector(labels,
                    DisplayPixels.of(config.data()), RunReport.SHOWN);
            Metrics.Result test = Metrics.evaluate(net, data.test(), labels, misclassified);
            Map<String, Object> evaluation = Evaluations.toMap(test, data.classNames());
            AtomicFiles.write(dir.evaluation(), Json.write(evaluation));
            AtomicFiles.write(dir.evaluationText(), test.evaluation().stats(false, true));
            manifest.test(evaluation);
            manifest.files(List.of("config.yaml", "summary.txt", "history.csv", "evaluation.json", "evaluation.txt",
                    "model.zip", "manifest.json", CheckpointLedger.FILE, "report.html", "curves.png", "confusion.png",
                    "misclassified.png"));
            manifest.status("completed");
            ModelBundle.save(dir.model(), net, loaded.resolvedYaml(), manifest.asMap(), data.classNames());
            RunReport.write(dir.path(), misclassified, out);
            session.deleteBackups();
            out.printf(Locale.ROOT, "test: loss %.4f - accuracy %.4f on %d images%n", test.loss(), test.accuracy(),
                    test.examples());
            out.println("saved: " + dir.model());
            return new Result(dir, test, session.history());
        } catch (TrainingStopped e) {
            manifest.statusQuietly(e.status());
            String kept = session != null ? session.lastCheckpoint() : null;
            if (e.status().equals("diverged")) {
                throw new TrainingStopped(e.getMessage() + "; " + (kept != null ? "the last good checkpoint "
                        + kept + " is kept (convlab train --resume " + dir.path() + " continues from it)"
                        : "no checkpoint was written before it") + "; lower the learning rate", e.status());
            }
            throw e;
        } catch (CheckpointWriteFailed e) {
            manifest.statusQuietly("failed");
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
            signals.close();
        }
    }

    private <T> T locate(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (ConfigProblem problem) {
            throw loaded.locate(problem);
        } catch (BadInput bad) {
            throw bad;
        }
    }
}
