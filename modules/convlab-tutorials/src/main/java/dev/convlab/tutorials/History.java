package dev.convlab.tutorials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A run's history.csv (epoch, loss, accuracy, val_loss, val_accuracy, ...), read by column name. */
record History(String label, List<double[]> rows, int accuracy, int valAccuracy) {
    static History read(String label, Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty()) {
            throw new IOException(csv + " is empty");
        }
        List<String> header = List.of(lines.get(0).split(","));
        int accuracy = header.indexOf("accuracy");
        int valAccuracy = header.indexOf("val_accuracy");
        if (accuracy < 0 || valAccuracy < 0) {
            throw new IOException(csv + " has no accuracy and val_accuracy columns: " + lines.get(0));
        }
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            double[] row = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                row[i] = cells[i].isEmpty() ? Double.NaN : Double.parseDouble(cells[i]);
            }
            rows.add(row);
        }
        return new History(label, List.copyOf(rows), accuracy, valAccuracy);
    }

    int epochs() {
        return rows.size();
    }

    double accuracy(int epoch) {
        return rows.get(epoch)[accuracy];
    }

    double valAccuracy(int epoch) {
        return rows.get(epoch)[valAccuracy];
    }
}
