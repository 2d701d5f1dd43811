package dev.convlab.train;

import dev.convlab.config.callbacks.CsvLogger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's CSVLogger. The file is rewritten whole (atomically) after each epoch from the run's history, so a resumed
 * run continues it without a repeated or a missing row; with append, lines that were there before the run
 * started are kept above.
 */
final class CsvLog {
    static final String NAME = "csv_logger";
    private final CsvLogger config;
    private final Path file;
    private List<String> before = new ArrayList<>();

    CsvLog(CsvLogger config, Path runDir) {
        this.config = config;
        this.file = runDir.resolve(config.filename());
    }

    /** A new run: with append, keeps what the file already holds. */
    void start() throws IOException {
        if (config.append() && Files.isRegularFile(file)) {
            before = new ArrayList<>(Files.readAllLines(file));
        }
    }

    void write(List<EpochResult> history) throws IOException {
        String s = config.separator();
        StringBuilder csv = new StringBuilder();
        for (String line : before) {
            csv.append(line).append('\n');
        }
        if (before.isEmpty()) {
            csv.append(String.join(s, "epoch", "accuracy", "loss", "lr", "val_accuracy", "val_loss")).append('\n');
        }
        for (EpochResult r : history) {
            // Keras writes epoch 0-based and the columns in sorted order
            csv.append(r.epoch() - 1).append(s).append(num(r.accuracy())).append(s).append(num(r.loss())).append(s)
                    .append(num(r.learningRate())).append(s).append(num(r.valAccuracy())).append(s)
                    .append(num(r.valLoss())).append('\n');
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        AtomicFiles.write(file, csv.toString());
    }

    Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lines_before", new ArrayList<>(before));
        return m;
    }

    @SuppressWarnings("unchecked")
    void restore(Map<String, Object> m) {
        before = new ArrayList<>((List<String>) m.get("lines_before"));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v).replace('E', 'e');
    }
}
