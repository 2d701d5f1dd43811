package dev.convlab.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** history.csv, one row per epoch, rewritten whole (atomically) after each epoch so a crash keeps every finished row. */
public final class HistoryCsv {
    static final String HEADER = "epoch,loss,accuracy,val_loss,val_accuracy,lr,seconds";
    private final Path file;
    private final List<EpochResult> rows = new ArrayList<>();

    public HistoryCsv(Path file) {
        this.file = file;
    }

    public void append(EpochResult row) throws IOException {
        rows.add(row);
        write();
    }

    /** A resumed run: the rows of its checkpoint, and nothing after them. */
    void restore(List<EpochResult> earlier) throws IOException {
        rows.clear();
        rows.addAll(earlier);
        write();
    }

    private void write() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (EpochResult r : rows) {
            csv.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%s,%s,%s,%.2f%n", r.epoch(), r.loss(), r.accuracy(),
                    num(r.valLoss()), num(r.valAccuracy()), num(r.learningRate()), r.seconds()));
        }
        AtomicFiles.write(file, csv.toString());
    }

    public List<EpochResult> rows() {
        return List.copyOf(rows);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
