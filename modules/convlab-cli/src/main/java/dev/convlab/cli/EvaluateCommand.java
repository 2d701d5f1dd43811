package dev.convlab.cli;

import dev.convlab.config.BadInput;
import dev.convlab.config.ConfigProblem;
import dev.convlab.data.DataSplits;
import dev.convlab.data.Datasets;
import dev.convlab.train.Labels;
import dev.convlab.train.Metrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", description = "Evaluate a saved model on the test data of the config it was trained with.")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "MODEL", description = "a model.zip written by convlab train")
    Path model;
    @Mixin
    ConfigOptions options;
    @Mixin
    Common common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ModelFile file = ModelFile.open(model, options);
        DataSplits data;
        try {
            // normalised with the training statistics saved in the model, not recomputed
            data = Datasets.open(file.config().config().data(), file.config().config().seed(),
                    file.bundle().featurewise());
        } catch (ConfigProblem problem) {
            throw file.config().locate(problem);
        }
        if (!data.classNames().equals(file.bundle().labels())) {
            throw new BadInput(model.toString(), "the model was trained on classes " + file.bundle().labels()
                    + " but the data has " + data.classNames(), "evaluate on data with the same classes");
        }
        long outputs = file.bundle().network().layerSize(file.bundle().network().getnLayers() - 1);
        Labels labels = new Labels(data.classNames(), outputs == 1 && data.numClasses() == 2);
        Metrics.Result result = Metrics.evaluate(file.bundle().network(), data.test(), labels);
        out.println(result.evaluation().stats(false, true));
        out.printf(Locale.ROOT, "test: loss %.4f - accuracy %.4f on %d images%n", result.loss(), result.accuracy(),
                result.examples());
        return ExitCode.OK;
    }
}
