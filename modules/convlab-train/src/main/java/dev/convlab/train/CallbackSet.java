package dev.convlab.train;

import dev.convlab.config.callbacks.CallbacksConfig;
import dev.convlab.config.callbacks.ModelCheckpoint;
import dev.convlab.config.ConfigProblem;
import java.util.List;

/**
 * The callbacks of a config, checked against the metrics the run will have before anything is written: every
 * monitored metric exists (val_ ones need validation data) and has a direction, and checkpoint file names use only
 * known values.
 */
record CallbackSet(CallbacksConfig config, Monitor earlyStopping, Monitor reduceLr, Monitor checkpoint,
                   FilepathTemplate filepath) {
    private static final String PATH = "training.callbacks.";

    static CallbackSet of(CallbacksConfig c, boolean validation) {
        List<String> metrics = Monitor.available(validation);
        Monitor early = c.earlyStopping() == null ? null
                : Monitor.of(c.earlyStopping().monitor(), c.earlyStopping().mode(), metrics, PATH + "early_stopping");
        Monitor reduce = c.reduceLrOnPlateau() == null ? null
                : Monitor.of(c.reduceLrOnPlateau().monitor(), c.reduceLrOnPlateau().mode(), metrics,
                PATH + "reduce_lr_on_plateau");
        Monitor checkpoint = null;
        FilepathTemplate template = null;
        ModelCheckpoint mc = c.modelCheckpoint();
        if (mc != null) {
            String path = PATH + "model_checkpoint";
            List<String> known = mc.saveEveryBatches() > 0 ? Monitor.availableMidEpoch() : metrics;
            template = new FilepathTemplate(mc.filepath(), known, path + ".filepath");
            boolean ranks = mc.saveBestOnly() || mc.saveTopK() != null;
            if (!Monitor.available(true).contains(mc.monitor())) {
                Monitor.of(mc.monitor(), mc.mode(), metrics, path); // an unknown name: refused, listing the names
            }
            if (ranks && mc.saveEveryBatches() > 0 && !known.contains(mc.monitor())) {
                throw new ConfigProblem(path + ".monitor", "'" + mc.monitor() + "' is only known at the end of an"
                        + " epoch, and save_freq saves every " + mc.saveEveryBatches() + " batches",
                        "monitor one of: " + String.join(", ", known) + ", or use save_freq: epoch");
            }
            if (ranks) {
                checkpoint = Monitor.of(mc.monitor(), mc.mode(), known, path);
            } else {
                // nothing is ranked (no save_best_only, no save_top_k): as in Keras, the monitor goes unused
                checkpoint = new Monitor(mc.monitor(), mc.mode() == dev.convlab.config.callbacks.Mode.MAX
                        || mc.mode() == dev.convlab.config.callbacks.Mode.AUTO && mc.monitor().endsWith("accuracy"));
            }
        }
        return new CallbackSet(c, early, reduce, checkpoint, template);
    }
}
