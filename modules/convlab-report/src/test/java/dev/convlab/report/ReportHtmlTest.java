package dev.convlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One self-contained page: embedded pictures that decode, escaped text, sections in order, nothing fetched. */
class ReportHtmlTest {
    private static final Pattern IMG = Pattern.compile(
            "<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" width=\"(\\d+)\" height=\"(\\d+)\"");

    @Test
    void thePicturesAreEmbeddedAsPngsOfTheirOwnSizes() throws Exception {
        ReportContent c = SampleRun.content();
        String html = ReportHtml.render(c);
        List<BufferedImage> expected = List.of(CurvesChart.draw(c.history()),
                ConfusionChart.draw(c.confusion(), c.classNames()),
                ExampleGrid.draw(c.misclassified(), ReportHtml.GRID_COLUMNS));
        assertEquals(3, occurrences(html, "data:image/png;base64,"));
        List<BufferedImage> embedded = images(html);
        assertEquals(3, embedded.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(expected.get(i).getWidth(), embedded.get(i).getWidth(), "image " + i);
            assertEquals(expected.get(i).getHeight(), embedded.get(i).getHeight(), "image " + i);
        }
        assertEquals(Pixels.count(expected.get(1), Blues.DARKEST, 0), Pixels.count(embedded.get(1), Blues.DARKEST, 0));
    }

    @Test
    void nothingIsFetchedOrRun() {
        String html = ReportHtml.render(SampleRun.content());
        assertFalse(Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:|//|file:)").matcher(html).find());
        Matcher src = Pattern.compile("(?i)src\\s*=\\s*\"([^\"]{0,30})").matcher(html);
        while (src.find()) {
            assertTrue(src.group(1).startsWith("data:image/png;base64,"), src.group(1));
        }
        for (String s : List.of("<script", "<link", "@import", "url(", "<iframe", "http://", "https://")) {
            assertFalse(html.toLowerCase().contains(s), s);
        }
    }

    @Test
    void textIsEscapedEverywhere() {
        String nasty = "<cat & \"dog\">";
        ReportContent c = new ReportContent("run <b>1</b> & 'co'", "name: x\n# </pre><script>alert(1)</script>",
                "Layer <x> & 'y'", SampleRun.history(2), 0.3, 0.9, 100, List.of(nasty, "plain"),
                new double[] {0.5, 0.6}, new double[] {0.7, 0.8}, new double[] {0.55, 0.65},
                new long[][] {{40, 10}, {5, 45}},
                List.of(new Example(new float[4], 2, 2, 1, nasty, "plain", 0.9)),
                List.<String[]>of(new String[] {"seed & <key>", "\"42\""}));
        String html = ReportHtml.render(c);
        assertFalse(html.contains(nasty));
        assertFalse(html.contains("<cat"));
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<b>1</b>"));
        assertTrue(html.contains("<td class=\"name\">&lt;cat &amp; &quot;dog&quot;&gt;</td>"));
        assertTrue(html.contains("<title>run &lt;b&gt;1&lt;/b&gt; &amp; &#39;co&#39;</title>"));
        assertTrue(html.contains("# &lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;</pre>"));
        assertTrue(html.contains("<th>seed &amp; &lt;key&gt;</th><td>&quot;42&quot;</td>"));
        assertEquals(2, occurrences(html, "</pre>"), "only the summary and the config end a <pre>");
    }

    @Test
    void theSectionsComeInTheirOrderWithTheNumbers() {
        String html = ReportHtml.render(SampleRun.content());
        int previous = -1;
        for (String id : List.of("curves", "history", "evaluation", "confusion", "misclassified", "summary",
                "config")) {
            int at = html.indexOf("<h2 id=\"" + id + "\">");
            assertTrue(at > previous, id + " after the section before it");
            previous = at;
        }
        assertTrue(html.contains("test accuracy <b>91.16%</b> · loss 0.2291 · 10,000 test images"), "headline");
        assertTrue(html.contains("<tr><td class=\"name\">Shirt</td><td>0.7786</td><td>0.7210</td><td>0.7487</td>"
                + "<td>1,000</td></tr>"), "Shirt: 721 of 1,000 recalled, 721 of 926 predicted right");
        assertTrue(html.contains("<tr class=\"best\"><td>12</td>"), "the best validation accuracy is epoch 12's");
        assertTrue(html.contains("Total params: 804,554"));
        assertTrue(html.contains("optimizer: {type: adam, learning_rate: 0.001}"));
    }

    @Test
    void aRunWithoutValidationOrTestDataStillRenders() {
        List<EpochPoint> history = SampleRun.history(3).stream()
                .map(r -> new EpochPoint(r.epoch(), r.loss(), r.accuracy(), Double.NaN, Double.NaN)).toList();
        ReportContent c = new ReportContent("t", null, null, history, Double.NaN, Double.NaN, 0, null, null, null,
                null, null, null, null);
        String html = ReportHtml.render(c);
        assertEquals(2, images(html).size(), "curves and the 'no misclassified' picture");
        assertFalse(html.contains("val_loss"));
        assertTrue(html.contains("Not evaluated on test data."));
        assertTrue(html.contains("No confusion matrix"));
        String empty = ReportHtml.render(new ReportContent(null, null, null, null, Double.NaN, Double.NaN, 0, null,
                null, null, null, null, null, null));
        assertTrue(empty.contains("No epochs recorded."));
        assertEquals(1, images(empty).size());
    }

    @Test
    void inconsistentContentIsRefused() {
        List<String> two = List.of("a", "b");
        assertThrows(IllegalArgumentException.class, () -> new ReportContent("t", "", "", List.of(), 0, 0, 0, two,
                new double[3], null, null, null, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ReportContent("t", "", "", List.of(), 0, 0, 0, two,
                null, null, null, new long[3][3], List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ReportContent("t", "", "", List.of(), 0, 0, 0, two,
                null, null, null, null, List.of(), List.<String[]>of(new String[] {"only a key"})));
    }

    @Test
    void writeReplacesTheFileAtomicallyAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        Files.writeString(html, "old");
        ReportContent c = SampleRun.content();
        ReportHtml.write(html, c);
        assertEquals(ReportHtml.render(c), Files.readString(html, StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(html), files.toList());
        }
    }

    static List<BufferedImage> images(String html) {
        List<BufferedImage> images = new ArrayList<>();
        Matcher m = IMG.matcher(html);
        while (m.find()) {
            try {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
                assertNotNull(image, "an embedded PNG does not decode");
                assertEquals(Integer.parseInt(m.group(2)), image.getWidth(), "width attribute");
                assertEquals(Integer.parseInt(m.group(3)), image.getHeight(), "height attribute");
                images.add(image);
            } catch (java.io.IOException e) {
                throw new AssertionError("an embedded PNG does not decode", e);
            }
        }
        return images;
    }

    private static int occurrences(String s, String part) {
        int n = 0;
        for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
