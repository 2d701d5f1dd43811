package dev.convlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCsvTest {
    @Test
    void oneRowPerEpochWithKerasColumnNames(@TempDir Path dir) throws IOException {
        HistoryCsv history = new HistoryCsv(dir.resolve("history.csv"));
        history.append(new EpochResult(1, 0.5, 0.8, 0.45, 0.82, 0.001, 12.5, 100));
        history.append(new EpochResult(2, 0.25, 0.9, Double.NaN, Double.NaN, 0.001, 11.0, 100));
        List<String> lines = Files.readAllLines(dir.resolve("history.csv"));
        assertEquals("epoch,loss,accuracy,val_loss,val_accuracy,lr,seconds", lines.get(0));
        assertEquals("1,0.500000,0.800000,0.450000,0.820000,0.00100000,12.50", lines.get(1));
        assertEquals("2,0.250000,0.900000,,,0.00100000,11.00", lines.get(2));
    }
}
