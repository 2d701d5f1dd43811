package dev.convlab.report;

import static dev.convlab.report.Html.escape;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A training run as one self-contained HTML page: the pictures embedded as {@code data:image/png;base64} URIs, the
 * CSS inline, no script and nothing fetched, so the file can be mailed, archived or opened offline. Sections: title
 * and facts, training curves, history, test evaluation, confusion matrix, misclassified test images, model
 * summary, config. All text is escaped.
 */
public final class ReportHtml {
    /** Cells per row of the misclassified grid (six 168-pixel cells fit the page). */
    static final int GRID_COLUMNS = 6;
    private static final String CSS = css();

    private ReportHtml() {
    }

    public static String render(ReportContent c) {
        StringBuilder out = new StringBuilder(1 << 16);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(c.title())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(escape(c.title())).append("</h1>\n");
        ReportTables.facts(out, c.facts());

        section(out, "curves", "Training curves");
        if (c.history().isEmpty()) {
            note(out, "No epochs recorded.");
        } else {
            image(out, CurvesChart.draw(c.history()), "loss and accuracy per epoch, training and validation");
            section(out, "history", "History");
            ReportTables.history(out, c.history());
        }

        section(out, "evaluation", "Test evaluation");
        ReportTables.evaluation(out, c);

        section(out, "confusion", "Confusion matrix");
        if (c.confusion() == null) {
            note(out, "No confusion matrix (not evaluated on test data).");
        } else {
            image(out, ConfusionChart.draw(c.confusion(), c.classNames()),
                    "confusion matrix, rows true class, columns predicted class");
        }

        section(out, "misclassified", "Misclassified test images");
        if (!c.misclassified().isEmpty()) {
            note(out, c.misclassified().size() + " shown; the prediction in red, with its probability.");
        }
        image(out, ExampleGrid.draw(c.misclassified(), GRID_COLUMNS), "misclassified test images");

        section(out, "summary", "Model summary");
        pre(out, c.summaryText());
        section(out, "config", "Config");
        pre(out, c.configYaml());
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    /** Renders the page and writes it atomically: a temporary file in the same folder, then an atomic move. */
    public static void write(Path html, ReportContent c) throws IOException {
        AtomicWrite.write(html, render(c).getBytes(StandardCharsets.UTF_8));
    }

    private static void section(StringBuilder out, String id, String heading) {
        out.append("<h2 id=\"").append(id).append("\">").append(escape(heading)).append("</h2>\n");
    }

    private static void note(StringBuilder out, String text) {
        out.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
    }

    private static void image(StringBuilder out, BufferedImage image, String alt) {
        out.append("<img src=\"").append(Png.dataUri(image)).append("\" width=\"").append(image.getWidth())
                .append("\" height=\"").append(image.getHeight()).append("\" alt=\"").append(escape(alt))
                .append("\">\n");
    }

    private static void pre(StringBuilder out, String text) {
        out.append("<pre>").append(escape(text.isEmpty() ? "(none)" : text)).append("</pre>\n");
    }

    private static String css() {
        try (InputStream in = ReportHtml.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the convlab-report jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
