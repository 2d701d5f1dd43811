package dev.convlab.report;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the sample run's pictures and report into a folder, to look at:
 * {@code java -cp target/classes:target/test-classes dev.convlab.report.SampleReportMain OUT_DIR}.
 */
public final class SampleReportMain {
    private SampleReportMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/sample-report");
        Files.createDirectories(dir);
        ReportContent c = SampleRun.content();
        CurvesChart.write(dir.resolve("curves.png"), c.history());
        ConfusionChart.write(dir.resolve("confusion.png"), c.confusion(), c.classNames());
        ExampleGrid.write(dir.resolve("misclassified.png"), c.misclassified(), ReportHtml.GRID_COLUMNS);
        ReportHtml.write(dir.resolve("report.html"), c);
        System.out.println("wrote " + dir.toAbsolutePath());
    }
}
