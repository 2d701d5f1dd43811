package dev.convlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.report.SweepReportHtml;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ranking as scikit-learn's rank_test_score (ties share the lowest rank, failed trials last and unranked), the mean
 * and population std over folds, and the two-parameter heatmap: the best cell is the darkest, a failed one white.
 */
class ResultsTableTest {

    private static ResultsTable.Row row(int index, int batch, int epochs, String status, double... scores) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("data.batch_size", batch);
        params.put("training.epochs", epochs);
        List<Double> s = new ArrayList<>();
        for (double v : scores) {
            s.add(v);
        }
        return new ResultsTable.Row(index, "k" + index, params, status, s, TrialOutcome.mean(s), TrialOutcome.std(s),
                1.0, status.equals("done") ? null : "diverged", 0);
    }

    private static ResultsTable table() {
        return new ResultsTable(List.of(row(0, 16, 2, "done", 0.75, 0.875), row(1, 16, 4, "done", 0.8125, 0.8125),
                row(2, 32, 2, "failed"), row(3, 32, 4, "done", 0.97, 0.99)), "val_accuracy", true, 2);
    }

    @Test
    void ranksLikeScikitLearnWithFailuresLast() {
        List<ResultsTable.Row> rows = table().rows();
        assertEquals(List.of(3, 0, 1, 2), rows.stream().map(ResultsTable.Row::index).toList());
        assertEquals(List.of(1, 2, 2, 0), rows.stream().map(ResultsTable.Row::rank).toList(), "0.8125 twice: rank 2 twice");
        assertEquals(0.98, rows.get(0).mean(), 1e-12);
        assertEquals(0.01, rows.get(0).std(), 1e-12, "population std of 0.97 and 0.99");
        assertEquals(3, table().best().index());
    }

    @Test
    void theHeatmapPutsTheBestDarkestAndAFailureWhite() {
        BufferedImage map = table().heatmap(true);
        // 2 x 2 cells of 90 px after a 150 px label column and a 60 px title band
        int best = map.getRGB(150 + 90 + 10, 60 + 90 + 10) & 0xffffff;   // row 32, column 4
        int worse = map.getRGB(150 + 10, 60 + 10) & 0xffffff;            // row 16, column 2
        int failed = map.getRGB(150 + 10, 60 + 90 + 10) & 0xffffff;      // row 32, column 2
        assertEquals(0x08306b, best, "the best score is the darkest blue");
        assertEquals(0xffffff, failed);
        assertTrue(brightness(worse) > brightness(best));
        String html = SweepReportHtml.render("s", List.<String[]>of(new String[] {"best", "x"}), table().cells(), map);
        assertTrue(html.contains("data:image/png;base64,") && html.contains("<td>0.9800</td>"), html);
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("lr", 0.1);
        assertNull(new ResultsTable(List.of(new ResultsTable.Row(0, "k", one, "done", List.of(0.5), 0.5, 0, 1, null, 0)),
                "val_accuracy", true, 0).heatmap(true), "one parameter: no heatmap");
    }

    private static int brightness(int rgb) {
        return (rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff);
    }
}
