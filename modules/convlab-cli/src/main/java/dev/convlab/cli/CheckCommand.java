package dev.convlab.cli;

import dev.convlab.config.ConfigProblem;
import dev.convlab.config.layers.Dense;
import dev.convlab.config.RunConfig;
import dev.convlab.config.yaml.LoadedConfig;
import dev.convlab.data.Datasets;
import dev.convlab.model.MemoryEstimate;
import dev.convlab.model.MemoryEstimator;
import dev.convlab.model.ModelFactory;
import dev.convlab.model.ModelPlan;
import dev.convlab.train.BaseModels;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Validates a config and shows what it builds, without reading data or training. */
@Command(name = "check", description = "Validate a config and print the model summary and a memory estimate.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "CONFIG", description = "the YAML config")
    Path config;
    @Mixin
    ConfigOptions options;
    @Mixin
    Common common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LoadedConfig loaded = options.load(config);
        RunConfig c = loaded.config();
        int classes = classes(loaded, out);
        ModelPlan plan;
        try {
            plan = ModelFactory.plan(c, classes, BaseModels.describe(c));
        } catch (ConfigProblem problem) {
            throw loaded.locate(problem);
        }
        out.println(plan.summary(c.name()));
        MemoryEstimate memory = MemoryEstimator.estimate(plan, c.training().optimizer(), c.data().batchSize());
        out.println(memory.text());
        out.println(config + ": OK");
        return ExitCode.OK;
    }

    /**
     * The class count the output layer must match: the dataset's when it can be read; otherwise what the model
     * declares (the template's classes, or the last dense layer's units, one sigmoid unit meaning two classes), so
     * a config can be checked before its image folder exists.
     */
    private static int classes(LoadedConfig loaded, PrintWriter out) {
        RunConfig c = loaded.config();
        try {
            return Datasets.classNames(c.data()).size();
        } catch (ConfigProblem problem) {
            Integer declared = declaredClasses(c);
            // only an image folder that is not there yet is worth a note; a bad data.classes is an error
            if (declared == null || c.data().dataset() != dev.convlab.config.DatasetKind.IMAGE_FOLDER) {
                throw loaded.locate(problem);
            }
            out.println("note: " + loaded.locate(problem).oneLine() + " - train will refuse this until it exists");
            return declared;
        }
    }

    private static Integer declaredClasses(RunConfig c) {
        if (c.model().vgg() != null) {
            return c.model().vgg().classes();
        }
        for (int i = c.model().layers().size() - 1; i >= 0; i--) {
            if (c.model().layers().get(i) instanceof Dense dense) {
                return dense.units() == 1 ? 2 : dense.units();
            }
        }
        return null;
    }
}
