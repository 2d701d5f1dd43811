package dev.convlab.train;

import dev.convlab.backend.Backends;
import dev.convlab.config.BackendKind;
import dev.convlab.config.BadInput;
import dev.convlab.config.RunConfig;
import dev.convlab.config.yaml.ConfigLoader;
import dev.convlab.data.DataSplits;
import dev.convlab.data.Datasets;
import dev.convlab.report.ConfusionChart;
import dev.convlab.report.CurvesChart;
import dev.convlab.report.ExampleGrid;
import dev.convlab.report.ReportContent;
import dev.convlab.report.ReportHtml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A run directory's report: curves.png (from history.csv), confusion.png (from evaluation.json), misclassified.png
 * (the first test images the model gets wrong) and report.html, which embeds them with the run's facts, config,
 * summary, history and evaluation. Everything but the misclassified images is drawn from the run's files, so a
 * rebuilt report shows what the run recorded, and a run without a model (interrupted, diverged) still gets one.
 */
public final class RunReport {
    /** The files a report writes into the run directory. */
    public static final List<String> FILES = List.of("report.html", "curves.png", "confusion.png",
            "misclassified.png");
    /** At most this many misclassified images are drawn (four rows of six). */
    static final int SHOWN = 24;
    private static final int GRID_COLUMNS = 6;

    private RunReport() {
    }

    /**
     * The report of a run that has just finished, with the misclassified test images its test evaluation gathered
     * ({@link Metrics#evaluate} with a {@link Misclassified.Collector}). Never throws:
     * the run is complete and saved, so a report that cannot be made is one warning line on {@code out}.
     */
    static void write(Path runDir, Misclassified.Collector misclassified, PrintWriter out) {
        try {
            headless();
            RunFiles files = RunFiles.read(runDir);
            Misclassified wrong = misclassified.result();
            render(files, wrong, List.of());
            out.println("report: " + runDir.resolve("report.html"));
        } catch (RuntimeException | IOException | Error e) {
            // Error too: headless AWT without fonts, or off-heap memory running out, must not fail a saved run
            out.println("warning: report not written: " + reason(e));
        }
    }

    /**
     * Rebuilds the report of any run directory ({@code convlab report}): the model and test data are reopened for
     * the misclassified images when the run has a model.zip; without one the page says what is missing. Prints
     * the paths written.
     *
     * @throws BadInput when {@code runDir} is not a run directory or one of its files is damaged
     */
    public static void rebuild(Path runDir, PrintWriter out) {
        headless();
        RunFiles files = RunFiles.read(runDir);
        RunDirectory run = new RunDirectory(runDir);
        List<String> missing = new ArrayList<>();
        Misclassified wrong = null;
        if (!Files.isRegularFile(run.model())) {
            missing.add("model.zip, so no misclassified images");
            out.println("note: " + run.model() + " does not exist (run status: " + files.status()
                    + "): the report has no misclassified images");
        } else {
            RunConfig config = ConfigLoader.load(run.config(), List.of()).config();
            // the backend must be chosen before DL4J restores the network
            Backends.init(BackendKind.AUTO);
            ModelBundle bundle = ModelBundle.load(run.model());
            try {
                wrong = misclassified(bundle, config);
            } catch (BadInput e) {
                // the run's data may be gone from this machine; the rest of the report does not need it
                missing.add("misclassified images: the test data cannot be opened here (" + e.oneLine() + ")");
                out.println("warning: misclassified images not drawn: " + e.oneLine());
            }
        }
        try {
            render(files, wrong, missing).forEach(p -> out.println("written: " + p));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the report into " + runDir + ": " + e.getMessage(),
                    e);
        }
    }

    private static Misclassified misclassified(ModelBundle bundle, RunConfig config) {
        // normalised with the training statistics saved in the model, as convlab evaluate does
        DataSplits data = Datasets.open(config.data(), config.seed(), bundle.featurewise());
        if (!data.classNames().equals(bundle.labels())) {
            throw new BadInput(null, "the model was trained on classes " + bundle.labels() + " but the data now has "
                    + data.classNames(), null);
        }
        MultiLayerNetwork net = bundle.network();
        long outputs = net.layerSize(net.getnLayers() - 1);
        Labels labels = new Labels(data.classNames(), outputs == 1 && data.numClasses() == 2);
        return Misclassified.find(net, data.test(), labels, DisplayPixels.of(config.data()), SHOWN);
    }

    /** Writes the pictures, then the page; returns the files written. {@code wrong} may be null. */
    private static List<Path> render(RunFiles files, Misclassified wrong, List<String> missing) throws IOException {
        Path dir = files.dir();
        List<Path> written = new ArrayList<>();
        Path curves = dir.resolve("curves.png");
        CurvesChart.write(curves, files.history());
        written.add(curves);
        EvaluationFile evaluation = files.evaluation();
        if (evaluation != null) {
            Path confusion = dir.resolve("confusion.png");
            ConfusionChart.write(confusion, evaluation.confusion(), evaluation.classNames());
            written.add(confusion);
        }
        if (wrong != null) {
            Path grid = dir.resolve("misclassified.png");
            ExampleGrid.write(grid, wrong.shown(), GRID_COLUMNS);
            written.add(grid);
        }
        Path html = dir.resolve("report.html");
        ReportHtml.write(html, content(files, wrong, missing));
        written.add(html);
        return written;
    }

    static ReportContent content(RunFiles files, Misclassified wrong, List<String> missing) {
        List<String[]> facts = new ArrayList<>(RunFacts.of(files.manifest()));
        if (wrong != null) {
            String shown = wrong.wrong() == 0 ? "" : wrong.wrong() > wrong.shown().size()
                    ? " (the first " + wrong.shown().size() + " shown)" : " (all shown)";
            facts.add(new String[] {"misclassified", String.format(Locale.ROOT, "%,d of %,d test images%s",
                    wrong.wrong(), wrong.total(), shown)});
        }
        List<String> absent = new ArrayList<>();
        EvaluationFile e = files.evaluation();
        if (e == null) {
            absent.add("evaluation.json, so no test metrics and no confusion matrix");
        }
        absent.addAll(missing);
        if (!absent.isEmpty()) {
            facts.add(new String[] {"missing", String.join("; ", absent) + " (run status: " + files.status() + ")"});
        }
        if (e == null) {
            return new ReportContent(files.title(), files.configYaml(), files.summaryText(), files.history(),
                    Double.NaN, Double.NaN, 0, List.of(), null, null, null, null,
                    wrong == null ? List.of() : wrong.shown(), facts);
        }
        return new ReportContent(files.title(), files.configYaml(), files.summaryText(), files.history(), e.loss(),
                e.accuracy(), e.examples(), e.classNames(), e.precision(), e.recall(), e.f1(), e.confusion(),
                wrong == null ? List.of() : wrong.shown(), facts);
    }

    /** Java2D must not try to reach a display: training runs on servers, and on a desktop it would open a Dock icon. */
    private static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static String reason(Throwable e) {
        if (e instanceof BadInput bad) {
            return bad.oneLine();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : message + " [" + e.getClass().getSimpleName() + "]";
    }
}
