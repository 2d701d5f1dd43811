package dev.convlab.cli;

import dev.convlab.config.BadInput;
import dev.convlab.config.DatasetKind;
import dev.convlab.config.schema.Names;
import dev.convlab.data.DatasetExport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code convlab data export DATASET --to DIR}: a built-in dataset as train/ and test/ class folders of PNGs. */
@Command(name = "export", description = {"Write a built-in dataset as an image folder: DIR/train/<class>/*.png,",
        "DIR/test/<class>/*.png and DIR/classes.csv. Class names become safe folder names",
        "(every character but letters, digits, '-', '_', '.' becomes '_': T-shirt/top is T-shirt_top)."})
final class DataExportCommand implements Callable<Integer> {
    private static final List<DatasetKind> EXPORTABLE = List.of(DatasetKind.FASHION_MNIST, DatasetKind.MNIST_10K,
            DatasetKind.MNIST);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "DATASET", description = "fashion-mnist, mnist-10k or mnist")
    String dataset;
    @Option(names = "--to", required = true, paramLabel = "DIR", description = "the folder to write into")
    Path to;
    @Option(names = "--path", paramLabel = "DIR",
            description = "where the dataset's files are (as data.path); default: the places train searches")
    String path;
    @Option(names = "--max-train-samples", paramLabel = "N",
            description = "only the training images a config with this max_train_samples and --seed uses")
    Integer maxTrainSamples;
    @Option(names = "--max-test-samples", paramLabel = "N",
            description = "only the test images a config with this max_test_samples uses")
    Integer maxTestSamples;
    @Option(names = "--seed", paramLabel = "N", description = "the seed of the max_train_samples sample (default 42)")
    long seed = 42;
    @Mixin
    Common common;

    @Override
    public Integer call() {
        DatasetKind kind = parse(dataset);
        requirePositive("--max-train-samples", maxTrainSamples);
        requirePositive("--max-test-samples", maxTestSamples);
        DatasetExport.Result result = DatasetExport.export(
                new DatasetExport.Request(kind, path, to, maxTrainSamples, maxTestSamples, seed));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "exported %,d training images to %s and %,d test images to %s%n",
                result.trainCount(), result.train(), result.testCount(), result.test());
        out.println("from: " + result.source());
        if (maxTrainSamples != null) {
            out.println("training images: the stratified sample of max_train_samples " + maxTrainSamples
                    + " with seed " + seed + " (a config with the same values trains on these images)");
        }
        out.println("class folders (dataset label: class -> folder; also in "
                + result.train().getParent().resolve("classes.csv") + "):");
        for (int i = 0; i < result.classNames().size(); i++) {
            out.printf(Locale.ROOT, "  %d: %s -> %s%n", i, result.classNames().get(i), result.folderNames().get(i));
        }
        List<String> sorted = new ArrayList<>(result.folderNames());
        sorted.sort(null);
        if (!sorted.equals(result.folderNames())) {
            out.println("note: as image-folder data, the classes are numbered by sorted folder name, as Keras does: "
                    + String.join(", ", sorted));
        }
        out.println("train from it with:");
        out.printf(Locale.ROOT, "  data: {dataset: image-folder, path: %s, test_path: %s, image: {height: %d, width: %d,"
                + " channels: %d}}%n", result.train(), result.test(), result.shape().height(), result.shape().width(),
                result.shape().channels());
        return ExitCode.OK;
    }

    private static void requirePositive(String option, Integer n) {
        if (n != null && n <= 0) {
            throw new BadInput(option, n + " is not a positive number of images", "give 1 or more, or leave it out");
        }
    }

    private static DatasetKind parse(String name) {
        List<String> names = EXPORTABLE.stream().map(Names::of).toList();
        for (DatasetKind kind : EXPORTABLE) {
            if (Names.of(kind).equals(name)) {
                return kind;
            }
        }
        throw new BadInput("DATASET", "'" + name + "' is not a dataset convlab can export",
                "use one of " + String.join(", ", names));
    }
}
