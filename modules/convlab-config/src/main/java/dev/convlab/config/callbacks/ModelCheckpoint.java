package dev.convlab.config.callbacks;

import dev.convlab.config.Checks;
import dev.convlab.config.InvalidValue;
import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.Optional;

/** Keras's ModelCheckpoint, plus save_top_k and save_last. Every file it writes is a model.zip-style bundle. */
@Doc("Keras's ModelCheckpoint: save the model during training, every time or when the monitored metric improves")
public record ModelCheckpoint(
        @Doc("file to write, relative to the run directory; {epoch:02d}, {iteration} and any metric ({val_accuracy:.4f}) are filled in")
        @Default("checkpoints/model-{epoch:02d}.zip") String filepath,
        @Doc("the metric that decides which checkpoint is best") @Default("val_loss") String monitor,
        @Doc("whether the monitored metric is better lower (min) or higher (max)") @Default("auto") Mode mode,
        @Doc("save only when the monitored metric improves on the best so far") @Default("false") boolean saveBestOnly,
        @Doc("save the parameters without the optimizer state (smaller; loadable by evaluate and predict, not resumable)")
        @Default("false") boolean saveWeightsOnly,
        @Doc("epoch, or a whole number of training batches between saves (then only loss and accuracy can be monitored)")
        @Default("epoch") String saveFreq,
        @Doc("with save_best_only, the first save needs a value better than this")
        @Optional Double initialValueThreshold,
        @Doc("keep only the k best checkpoints by the monitored metric, deleting the others")
        @Optional Integer saveTopK,
        @Doc("also keep last.zip next to the checkpoints: the newest state, whatever its score")
        @Default("false") boolean saveLast) {

    public ModelCheckpoint {
        Checks.notBlank("filepath", filepath);
        if (!filepath.endsWith(".zip")) {
            throw new InvalidValue("filepath", "'" + filepath + "' does not end in .zip",
                    "checkpoints are zip files (the model.zip format): end the name in .zip");
        }
        Checks.notBlank("monitor", monitor);
        SaveFrequency.batches("save_freq", saveFreq);
        if (saveTopK != null) {
            Checks.positive("save_top_k", saveTopK);
        }
    }

    /** 0 for every epoch, else the number of batches between saves. */
    public int saveEveryBatches() {
        return SaveFrequency.batches("save_freq", saveFreq);
    }
}
