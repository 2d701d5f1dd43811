package dev.convlab.train;

import dev.convlab.config.BadInput;
import dev.convlab.config.yaml.LoadedConfig;
import dev.convlab.model.ModelPlan;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where {@code convlab train --resume} continues: the newest checkpoint of the run whose file is whole (a damaged
 * one is skipped with a warning naming it, and the next older one is tried), and whose config is the one given,
 * unless --force. With none intact it fails, never starting over silently.
 */
record ResumePoint(CheckpointLedger ledger, CheckpointLedger.Entry entry, TrainingState state) {

    static ResumePoint find(Path runDir, LoadedConfig loaded, boolean force, Consumer<String> warn) {
        if (!Files.isDirectory(runDir)) {
            throw new BadInput(runDir.toString(), Files.exists(runDir) ? "is not a folder" : "no such run directory",
                    "give a run directory: runs/<name>-<time>");
        }
        if (!force && "completed".equals(new RunDirectory(runDir).status())) {
            throw new BadInput(runDir.toString(), "the run completed (its model.zip is final): nothing to resume",
                    "to train it longer, resume with --set training.epochs=N --force");
        }
        CheckpointLedger ledger = CheckpointLedger.read(runDir);
        removeStaleTemporaries(runDir);
        List<CheckpointLedger.Entry> intact = ledger.intactResumable(warn);
        if (intact.isEmpty()) {
            boolean any = ledger.entries().stream().anyMatch(CheckpointLedger.Entry::resumable);
            throw new BadInput(runDir.toString(), any ? "no intact checkpoint to resume from (every one is damaged"
                    + " or missing, see the warnings above)" : "no checkpoint to resume from"
                    + (Files.isRegularFile(runDir.resolve("model.zip")) ? ": the run completed" : ""),
                    "start a new run with convlab train CONFIG; nothing was changed here");
        }
        CheckpointLedger.Entry entry = intact.get(0);
        byte[] config = ModelBundle.entryBytes(ledger.resolve(entry.file()), ModelBundle.CONFIG);
        if (config == null) {
            throw new BadInput(entry.file(), "has no " + ModelBundle.CONFIG, "it was not written by convlab");
        }
        String before = new String(config, StandardCharsets.UTF_8);
        if (!before.equals(loaded.resolvedYaml())) {
            List<String> diff = ConfigDiff.lines(before, loaded.resolvedYaml());
            if (!force) {
                throw new BadInput(runDir.toString(), "the config differs from the one the run was trained with:\n  "
                        + String.join("\n  ", diff) + "\n",
                        "resume with the run's own config (leave out CONFIG and --set), or add --force to continue"
                                + " with the changed one");
            }
            warn.accept("warning: continuing with a changed config (--force):\n  " + String.join("\n  ", diff));
        }
        return new ResumePoint(ledger, entry, TrainingState.fromMap(entry.state()));
    }

    /** Temporary files of writes a killed process never finished ({@code .<name>.tmp-<pid>-<nanos>}, pid gone). */
    private static void removeStaleTemporaries(Path runDir) {
        java.util.regex.Pattern tmp = java.util.regex.Pattern.compile("\\..+\\.tmp-(\\d+)-\\d+");
        try (var files = Files.walk(runDir, 3)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                java.util.regex.Matcher m = tmp.matcher(f.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(p -> !p.isAlive()).orElse(true)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // leftovers are harmless (never under a final name); cleaning them is a courtesy
        }
    }


    /** The checkpoint's network with its optimizer state; after the backend has started. */
    MultiLayerNetwork network(ModelPlan plan) {
        MultiLayerNetwork net = ModelBundle.load(ledger.resolve(entry.file())).network();
        if (net.numParams() != plan.totalParams()) {
            throw new BadInput(entry.file(), "holds a network of " + net.numParams() + " parameters, the config's has "
                    + plan.totalParams(), "a checkpoint continues only the network it was taken from");
        }
        return net;
    }

    /** EarlyStopping's best weights kept with the checkpoint, or null. */
    INDArray bestWeights() {
        Path file = ledger.resolve(entry.file());
        byte[] bytes = ModelBundle.entryBytes(file, Session.BEST_WEIGHTS);
        if (bytes == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return Nd4j.read(in);
        } catch (IOException e) {
            throw new BadInput(file.toString(), "cannot read the best weights: " + e.getMessage(),
                    "the checkpoint passed its checksum, so the disk may be failing");
        }
    }

}
