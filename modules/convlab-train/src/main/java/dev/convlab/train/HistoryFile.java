package dev.convlab.train;

import dev.convlab.config.BadInput;
import dev.convlab.report.EpochPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads history.csv back as the report's epoch points. Strict, because a report drawn from a half-parsed file
 * would look right and be wrong: every row needs every column, a whole epoch number and numbers (an empty cell,
 * as {@link HistoryCsv} writes for a run without validation, is absent; NaN is kept, it is what a diverged epoch
 * recorded).
 */
final class HistoryFile {
    private static final List<String> NEEDED = List.of("epoch", "loss", "accuracy", "val_loss", "val_accuracy");
    private static final String FIX = "history.csv is written by convlab train; restore it, or delete it to build "
            + "the report without curves";

    private HistoryFile() {
    }

    /** The rows of {@code file}; none when it does not exist (a run stopped before its first epoch ended). */
    static List<EpochPoint> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new BadInput(file.toString(), "cannot be read: " + e.getMessage(), FIX);
        }
        if (lines.isEmpty()) {
            throw new BadInput(file.toString(), "is empty, not even a header", FIX);
        }
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        int[] column = new int[NEEDED.size()];
        for (int k = 0; k < NEEDED.size(); k++) {
            column[k] = header.indexOf(NEEDED.get(k));
            if (column[k] < 0) {
                throw new BadInput(file + ":1", "the header has no column " + NEEDED.get(k) + " (expected "
                        + HistoryCsv.HEADER + ")", FIX);
            }
        }
        List<EpochPoint> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            String where = file + ":" + (i + 1);
            if (cells.length != header.size()) {
                throw new BadInput(where, "has " + cells.length + " cells for " + header.size() + " columns", FIX);
            }
            int epoch;
            try {
                epoch = Integer.parseInt(cells[column[0]].trim());
            } catch (NumberFormatException e) {
                throw new BadInput(where, "epoch '" + cells[column[0]] + "' is not a whole number", FIX);
            }
            rows.add(new EpochPoint(epoch, number(cells, column[1], header, where),
                    number(cells, column[2], header, where), number(cells, column[3], header, where),
                    number(cells, column[4], header, where)));
        }
        return rows;
    }

    private static double number(String[] cells, int column, List<String> header, String where) {
        String cell = cells[column].trim();
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new BadInput(where, header.get(column) + " '" + cell + "' is not a number", FIX);
        }
    }
}
