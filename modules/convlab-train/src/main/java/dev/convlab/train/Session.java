package dev.convlab.train;

import dev.convlab.backend.FastPathNetwork;
import dev.convlab.config.RunConfig;
import dev.convlab.config.callbacks.BackupAndRestore;
import dev.convlab.config.callbacks.CallbacksConfig;
import dev.convlab.config.callbacks.LrSchedule;
import dev.convlab.data.DataSplits;
import dev.convlab.data.ExampleIterator;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The epochs of one run with its callbacks, from the first epoch or from a checkpoint's state: the learning-rate
 * schedule at each epoch's start; after each epoch ReduceLROnPlateau, EarlyStopping, ModelCheckpoint, the CSV log
 * and the backup, in that order; after each batch the checkpoints saved every N batches and a stop signal.
 * Every checkpoint carries the whole {@link TrainingState}, so any of them can be resumed from exactly.
 */
final class Session {
    static final String STATE = "convlab-state.json";
    static final String BEST_WEIGHTS = "convlab-best-weights.bin";
    private final RunConfig config;
    private final MultiLayerNetwork net;
    private final DataSplits data;
    private final RunDirectory dir;
    private final RunManifest manifest;
    private final CheckpointLedger ledger;
    private final Progress progress;
    private final StopSignals signals;
    private final Map<String, byte[]> bundleEntries;
    private final EpochLoop loop;
    private final HistoryCsv history;
    private final EarlyStopper early;
    private final PlateauReducer plateau;
    private final LrSchedule schedule;
    private final CsvLog csv;
    private final Checkpointer checkpointer;
    private final BackupAndRestore backups;
    private int epochsDone;
    private String lastCheckpoint;
    private long stopAt;

    Session(RunConfig config, MultiLayerNetwork net, DataSplits data, Labels labels, RunDirectory dir,
            RunManifest manifest, CheckpointLedger ledger, Progress progress, StopSignals signals, CallbackSet set,
            Map<String, byte[]> bundleEntries, long iteration) {
        this.config = config;
        this.net = net;
        this.data = data;
        this.dir = dir;
        this.manifest = manifest;
        this.ledger = ledger;
        this.progress = progress;
        this.signals = signals;
        this.bundleEntries = bundleEntries;
        CallbacksConfig c = set.config();
        this.loop = new EpochLoop(net, labels, progress, c.terminateOnNan(), iteration);
        this.history = new HistoryCsv(dir.history());
        this.early = c.earlyStopping() == null ? null : new EarlyStopper(c.earlyStopping(), set.earlyStopping());
        this.plateau = c.reduceLrOnPlateau() == null ? null : new PlateauReducer(c.reduceLrOnPlateau(), set.reduceLr());
        this.schedule = c.learningRateScheduler();
        this.csv = c.csvLogger() == null ? null : new CsvLog(c.csvLogger(), dir.path());
        this.checkpointer = c.modelCheckpoint() == null ? null
                : new Checkpointer(c.modelCheckpoint(), set.checkpoint(), set.filepath(), dir.path());
        this.backups = c.backupAndRestore();
    }

    /** A new run: callbacks start empty. */
    void start() throws IOException {
        if (csv != null) {
            csv.start();
        }
    }

    /** A resumed run: everything as it was when the checkpoint was written, the random generator last. */
    void restore(TrainingState state, INDArray bestWeights, String checkpoint) throws IOException {
        epochsDone = state.epochsDone();
        history.restore(state.history());
        Map<String, Object> cb = state.callbacks();
        if (early != null && cb.get(EarlyStopper.NAME) instanceof Map<?, ?> m) {
            early.restore(cast(m), bestWeights);
        }
        if (plateau != null && cb.get(PlateauReducer.NAME) instanceof Map<?, ?> m) {
            plateau.restore(cast(m));
        }
        if (csv != null && cb.get(CsvLog.NAME) instanceof Map<?, ?> m) {
            csv.restore(cast(m));
        }
        if (checkpointer != null && cb.get(Checkpointer.NAME) instanceof Map<?, ?> m) {
            checkpointer.restore(cast(m));
        }
        if (csv != null) {
            csv.write(history.rows());
        }
        lastCheckpoint = checkpoint;
        ExampleIterator train = data.train();
        train.seekEpoch(epochsDone);
        for (int b = 0; b < state.batchesDone() && train.hasNext(); b++) {
            train.next(); // the order and augmentation of a pass depend on its number only: skipping is exact
        }
        Nd4j.getRandom().setStates(state.rngRoot(), state.rngNode());
    }

    /** The finished epochs; stops early when EarlyStopping says so. Returns the best epoch restored, or 0. */
    int train(TrainingState resumed) throws IOException {
        int epochs = config.training().epochs();
        int skip = resumed != null ? resumed.batchesDone() : 0;
        EpochLoop.Partial from = resumed != null ? resumed.partial() : EpochLoop.Partial.NONE;
        double initialLr = config.training().optimizer().learningRate();
        boolean stopped = early != null && early.stoppedEpoch() > 0; // stopped early, killed before the end
        for (int epoch = epochsDone + 1; epoch <= epochs && !stopped; epoch++) {
            if (schedule != null) {
                setLearningRate(schedule.rate(initialLr, epoch - 1, epochs));
            }
            if (skip == 0) {
                data.train().seekEpoch(epoch - 1);
            }
            EpochResult result = loop.run(epoch, epochs, data.train(), data.trainCount(),
                    data.validationCount() > 0 ? data.validation() : null, skip, from, this::afterBatch);
            skip = 0;
            from = EpochLoop.Partial.NONE;
            history.append(result);
            epochsDone = epoch;
            progress.epochEnd(epochs, result);
            if (epochEnd(epoch, result)) {
                break;
            }
        }
        int restored = early != null ? early.restoreBest(net) : 0;
        if (restored > 0) {
            progress.message("Restoring model weights from the end of the best epoch: " + restored + ".");
        }
        return restored;
    }

    /** The callbacks after an epoch; returns whether training stops. */
    private boolean epochEnd(int epoch, EpochResult r) throws IOException {
        Map<String, Double> logs = logs(r);
        if (plateau != null) {
            double lr = loop.learningRate();
            double next = plateau.onEpochEnd(logs, lr);
            if (next != lr) {
                setLearningRate(next);
                progress.message(String.format(Locale.ROOT, "Epoch %d: ReduceLROnPlateau reducing learning rate to %s.",
                        epoch, next));
            }
        }
        boolean stop = early != null && early.onEpochEnd(epoch, logs, net);
        if (checkpointer != null && checkpointer.savesPerEpoch()) {
            Map<String, Double> values = new LinkedHashMap<>(logs);
            values.put("epoch", (double) epoch);
            values.put("iteration", (double) loop.iteration());
            checkpointer.maybeSave(values, saver(epoch, 0));
        }
        if (csv != null) {
            csv.write(history.rows());
        }
        manifest.put("fast_path", FastPathNetwork.describe(net));
        manifest.epochs(epoch, loop.iteration());
        if (backups.saveEveryBatches() == 0 || signals.received() != null) {
            backup();
        }
        if (signals.received() != null) {
            throw interrupted(epoch, 0);
        }
        if (stop) {
            progress.message("Epoch " + epoch + ": early stopping (" + early.stoppedEpoch() + " epochs; best "
                    + early.best() + " at epoch " + early.bestEpoch() + ")");
            manifest.put("early_stopping", Map.of("stopped_epoch", epoch, "best_epoch", early.bestEpoch()));
        }
        return stop;
    }

    /** For tests: act as if SIGINT arrived during iteration {@code iteration}. */
    void stopAt(long iteration) {
        this.stopAt = iteration;
    }

    private void afterBatch(int epoch, int batch) throws IOException {
        long it = loop.iteration();
        if (it == stopAt) {
            signals.request("SIGINT");
        }
        if (checkpointer != null && checkpointer.savesAfterBatch(it)) {
            EpochLoop.Partial p = loop.partial();
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("epoch", (double) epoch);
            values.put("iteration", (double) it);
            values.put("loss", p.seen() == 0 ? Double.NaN : p.lossSum() / p.seen());
            values.put("accuracy", p.accuracySeen() == 0 ? Double.NaN : (double) p.correct() / p.accuracySeen());
            values.put("lr", loop.learningRate());
            checkpointer.maybeSave(values, saver(epoch - 1, batch));
        }
        int every = backups.saveEveryBatches();
        if ((every > 0 && it % every == 0) || signals.received() != null) {
            backup();
        }
        if (signals.received() != null) {
            throw interrupted(epoch, batch);
        }
    }

    private TrainingStopped interrupted(int epoch, int batch) {
        return new TrainingStopped("interrupted by " + signals.received() + " at epoch " + epoch
                + (batch > 0 ? ", batch " + batch : " (its end)") + ", iteration " + loop.iteration()
                + "; saved " + lastCheckpoint + "; continue with: convlab train --resume " + dir.path(),
                "interrupted");
    }

    /** The newest checkpoint written or resumed from, relative to the run directory (null: none yet). */
    String lastCheckpoint() {
        return lastCheckpoint;
    }

    /** Writes a backup (the whole state) and drops the oldest beyond backup_and_restore.keep. */
    private void backup() throws IOException {
        int batches = loop.batchesDone();
        String name = batches == 0 ? String.format(Locale.ROOT, "backup-epoch%04d.zip", epochsDone)
                : String.format(Locale.ROOT, "backup-epoch%04d-batch%06d.zip", epochsDone + 1, batches);
        saver(epochsDone, batches).save(dir.path().resolve("checkpoints").resolve(name), "backup", true, Map.of());
        List<CheckpointLedger.Entry> all = new ArrayList<>(ledger.entries("backup"));
        all.sort((a, b) -> Long.compare(b.iteration(), a.iteration()));
        List<String> old = all.stream().skip(backups.keep()).map(CheckpointLedger.Entry::file).toList();
        ledger.remove(old);
    }

    /** Removes the backups after a completed run (backup_and_restore.delete_checkpoint). */
    void deleteBackups() throws IOException {
        if (backups.deleteCheckpoint()) {
            ledger.remove(ledger.entries("backup").stream().map(CheckpointLedger.Entry::file).toList());
        }
    }

    private Checkpointer.Saver saver(int done, int batches) {
        return new Checkpointer.Saver() {
            @Override
            public String save(Path file, String kind, boolean withOptimizer, Map<String, Double> values)
                    throws IOException {
                return write(file, kind, withOptimizer, done, batches, values);
            }

            @Override
            public void delete(List<String> files) throws IOException {
                ledger.remove(files);
            }
        };
    }

    private String write(Path file, String kind, boolean withOptimizer, int done, int batches,
                         Map<String, Double> values) throws IOException {
        TrainingState state = snapshot(done, batches);
        Map<String, byte[]> entries = new LinkedHashMap<>(bundleEntries);
        Map<String, Object> stateMap = withOptimizer ? state.toMap() : null;
        if (withOptimizer) {
            entries.put(STATE, Json.write(stateMap).getBytes(StandardCharsets.UTF_8));
            if (early != null && early.bestWeights() != null) {
                entries.put(BEST_WEIGHTS, bytes(early.bestWeights()));
            }
        }
        BundleWriter.Written written;
        try {
            ledger.unlist(file);
        } catch (IOException e) {
            throw new CheckpointWriteFailed(dir.path().resolve(CheckpointLedger.FILE), lastCheckpoint, dir.path(), e);
        }
        try {
            written = BundleWriter.write(file, net, withOptimizer, entries);
        } catch (IOException e) {
            throw new CheckpointWriteFailed(file, lastCheckpoint, dir.path(), e);
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        values.forEach((k, v) -> metrics.put(k, Json.number(v)));
        if (values.isEmpty() && !history.rows().isEmpty() && batches == 0) {
            logs(history.rows().get(history.rows().size() - 1)).forEach((k, v) -> metrics.put(k, Json.number(v)));
        }
        try {
            ledger.add(written, kind, done, loop.iteration(), withOptimizer, metrics, stateMap);
        } catch (IOException e) {
            throw new CheckpointWriteFailed(dir.path().resolve(CheckpointLedger.FILE), lastCheckpoint, dir.path(), e);
        }
        String relative = ledger.relative(written.file());
        if (withOptimizer) {
            lastCheckpoint = relative;
        }
        return relative;
    }

    private TrainingState snapshot(int done, int batches) {
        Map<String, Object> cb = new LinkedHashMap<>();
        if (early != null) {
            cb.put(EarlyStopper.NAME, early.state());
        }
        if (plateau != null) {
            cb.put(PlateauReducer.NAME, plateau.state());
        }
        if (csv != null) {
            cb.put(CsvLog.NAME, csv.state());
        }
        if (checkpointer != null) {
            cb.put(Checkpointer.NAME, checkpointer.state());
        }
        org.nd4j.linalg.api.rng.Random rng = Nd4j.getRandom();
        return new TrainingState(done, batches, loop.iteration(), batches == 0 ? EpochLoop.Partial.NONE
                : loop.partial(), rng.rootState(), rng.nodeState(), history.rows(), cb);
    }

    private void setLearningRate(double lr) {
        net.setLearningRate(lr);
    }

    private static Map<String, Double> logs(EpochResult r) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("loss", r.loss());
        m.put("accuracy", r.accuracy());
        if (r.hasValidation()) {
            m.put("val_loss", r.valLoss());
            m.put("val_accuracy", r.valAccuracy());
        }
        m.put("lr", r.learningRate());
        return m;
    }

    static byte[] bytes(INDArray array) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            Nd4j.write(array, data);
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    List<EpochResult> history() {
        return history.rows();
    }

    long iteration() {
        return loop.iteration();
    }
}
