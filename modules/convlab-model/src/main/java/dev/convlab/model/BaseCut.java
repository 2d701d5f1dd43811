package dev.convlab.model;

import dev.convlab.config.BaseModelConfig;
import dev.convlab.config.ConfigProblem;
import dev.convlab.config.ImageShape;
import dev.convlab.config.layers.Dense;
import dev.convlab.config.layers.Flatten;
import dev.convlab.config.layers.GlobalAveragePooling2D;
import dev.convlab.config.layers.GlobalMaxPooling2D;
import dev.convlab.config.layers.LayerSpec;
import java.util.List;
import java.util.Map;

/**
 * The layers a config keeps of its base model (model.base.keep_until) and how many of them are frozen. The kept
 * layers come first in the new network and are named in the same order as in the base, so they get the base's names.
 */
record BaseCut(List<SourcedLayer> layers, int frozen) {

    static BaseCut of(BaseModelConfig cfg, BaseModel base, ImageShape input) {
        if (!base.input().equals(input)) {
            throw new ConfigProblem("model.base.from", base.from() + " takes " + shape(base.input())
                    + " images, the data gives " + shape(input),
                    "set data.image to " + shape(base.input()) + " (or use a base trained on images like these)");
        }
        ModelPlan plan = ModelPlanner.plan(base.model(), base.input(), base.numClasses(), base.loss(), base.base());
        List<String> names = plan.layerNames();
        int keep = cfg.keepUntil() != null ? index(names, cfg.keepUntil(), "keep_until", base.from())
                : convolutionBase(plan, base.from());
        int frozen;
        if (cfg.freezeUntil() == null) {
            frozen = keep + 1;
        } else if (cfg.freezeUntil().equals(BaseModelConfig.NONE)) {
            frozen = 0;
        } else {
            int f = index(names, cfg.freezeUntil(), "freeze_until", base.from());
            if (f > keep) {
                throw new ConfigProblem("model.base.freeze_until", "'" + cfg.freezeUntil() + "' comes after the kept"
                        + " base, which ends at " + names.get(keep),
                        "freeze a layer up to " + names.get(keep) + ", or keep more of the base with keep_until");
            }
            frozen = f + 1;
        }
        List<SourcedLayer> kept = plan.layers().subList(0, keep + 1).stream()
                .map(l -> new SourcedLayer(l.spec(), Origin.template("model.base", Map.of())))
                .toList();
        return new BaseCut(kept, frozen);
    }

    /** Every layer before the first flatten, global pooling or dense layer: Keras's include_top=False. */
    private static int convolutionBase(ModelPlan plan, String from) {
        List<PlannedLayer> layers = plan.layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec s = layers.get(i).spec();
            if (s instanceof Flatten || s instanceof Dense || s instanceof GlobalAveragePooling2D
                    || s instanceof GlobalMaxPooling2D) {
                if (i == 0) {
                    throw new ConfigProblem("model.base", from + " has no convolution base: its first layer is "
                            + layers.get(0).name(), "name the last layer to keep with model.base.keep_until");
                }
                return i - 1;
            }
        }
        throw new ConfigProblem("model.base", from + " has no flatten or dense layer to end its convolution base",
                "name the last layer to keep with model.base.keep_until");
    }

    private static int index(List<String> names, String name, String key, String from) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new ConfigProblem("model.base." + key, "'" + name + "' is not a layer of " + from,
                    "its layers are: " + String.join(", ", names));
        }
        return i;
    }

    private static String shape(ImageShape s) {
        return s.height() + "x" + s.width() + "x" + s.channels();
    }
}
