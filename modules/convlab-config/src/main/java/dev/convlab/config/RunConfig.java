package dev.convlab.config;

import dev.convlab.config.schema.Default;
import dev.convlab.config.schema.Doc;

/** A whole training run, as written in one YAML file. */
@Doc("a convlab training run")
public record RunConfig(
        @Doc("the run's name; the run directory is <output_dir>/<name>-<timestamp>") String name,
        @Doc("seed for weights, shuffling and splits") @Default("42") long seed,
        @Doc("auto, cpu or cuda") @Default("auto") BackendKind backend,
        @Doc("the data") DataConfig data,
        @Doc("the network") ModelConfig model,
        @Doc("the training settings") @Default("{}") TrainingConfig training,
        @Doc("folder that holds the run directories") @Default("runs") String outputDir) {
    /** Seed used when a config gives none (tribuo's Trainer.DEFAULT_SEED idea). */
    public static final long DEFAULT_SEED = 42L;

    public RunConfig {
        Checks.notBlank("name", name);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new InvalidValue("name", "'" + name + "' is not usable in a folder name",
                    "use letters, digits, '.', '_' and '-' only");
        }
        Checks.notBlank("output_dir", outputDir);
    }
}
