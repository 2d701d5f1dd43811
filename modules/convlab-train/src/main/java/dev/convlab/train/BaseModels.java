package dev.convlab.train;

import dev.convlab.config.BadInput;
import dev.convlab.config.ConfigProblem;
import dev.convlab.config.RunConfig;
import dev.convlab.config.yaml.ConfigLoader;
import dev.convlab.model.BaseModel;
import java.nio.file.Path;
import java.util.List;

/** Loads the trained model a config's {@code model.base.from} names, for planning and for its weights. */
public final class BaseModels {
    /** How many bases may stand on bases (a fine-tuned model made from a transfer model made from ...). */
    static final int DEPTH = 8;

    private BaseModels() {
    }

    /**
     * The config's base model, or null when it has none.
     *
     * @throws ConfigProblem at model.base.from when the file is missing or is not a convlab model
     */
    public static BaseModel load(RunConfig config) {
        return config.model().base() == null ? null : load(config.model().base().from(), 0, true);
    }

    /**
     * As {@link #load(RunConfig)}, without restoring the network: enough to plan (convlab check, the layer names of
     * a saved model), without starting ND4J.
     */
    public static BaseModel describe(RunConfig config) {
        return config.model().base() == null ? null : load(config.model().base().from(), 0, false);
    }

    private static BaseModel load(String from, int depth, boolean withNetwork) {
        if (depth >= DEPTH) {
            throw new ConfigProblem("model.base.from", "bases stand on bases more than " + DEPTH + " deep at " + from,
                    "start from a model trained without model.base");
        }
        Path file = Path.of(from);
        String yaml;
        List<String> labels;
        org.deeplearning4j.nn.multilayer.MultiLayerNetwork network = null;
        try {
            if (withNetwork) {
                ModelBundle bundle = ModelBundle.load(file);
                yaml = bundle.configYaml();
                labels = bundle.labels();
                network = bundle.network();
            } else {
                ModelBundle.Described d = ModelBundle.describe(file);
                yaml = d.configYaml();
                labels = d.labels();
            }
        } catch (BadInput e) {
            throw new ConfigProblem("model.base.from", from + ": " + e.why(), e.fix());
        }
        RunConfig config;
        try {
            config = ConfigLoader.load(yaml, from + "!" + ModelBundle.CONFIG, List.of()).config();
        } catch (BadInput e) {
            throw new ConfigProblem("model.base.from", from + " holds a config this convlab cannot read: "
                    + e.oneLine(), "retrain the base with this version of convlab");
        }
        BaseModel below = config.model().base() == null ? null
                : load(config.model().base().from(), depth + 1, false); // only its plan: its weights are in this one
        return new BaseModel(from, config.model(), config.data().inputShape(), labels.size(),
                config.training().loss(), below, network);
    }
}
