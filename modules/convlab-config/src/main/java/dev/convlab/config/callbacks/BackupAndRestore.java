package dev.convlab.config.callbacks;

import dev.convlab.config.Checks;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;

/**
 * Keras's BackupAndRestore, on by default: the full training state (weights, optimizer, callbacks, data order,
 * random generators) under checkpoints/, for {@code convlab train --resume}.
 */
@Doc("Keras's BackupAndRestore: the full training state saved for convlab train --resume")
public record BackupAndRestore(
        @Doc("epoch, or a whole number of training batches between backups") @Default("epoch") String saveFreq,
        @Doc("how many backups to keep (at least 2, so a damaged newest one has an older one to fall back on)")
        @Default("2") int keep,
        @Doc("delete the backups when training completes (model.zip holds the result)")
        @Default("true") boolean deleteCheckpoint) {
    public BackupAndRestore {
        SaveFrequency.batches("save_freq", saveFreq);
        if (keep < 2) {
            throw new dev.convlab.config.InvalidValue("keep", keep + " leaves nothing to fall back on if the newest backup is damaged",
                    "use keep: 2 or more");
        }
    }

    /** 0 for every epoch, else the number of batches between backups. */
    public int saveEveryBatches() {
        return SaveFrequency.batches("save_freq", saveFreq);
    }
}
