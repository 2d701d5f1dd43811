package dev.convlab.tutorials;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Small matrices as text: [[4,3,4],[2,4,3],[2,3,4]] for JSON and the walkthrough, and row-by-row for reading. */
final class Matrices {
    private Matrices() {
    }

    /** The single feature map of a [1, 1, h, w] output. */
    static double[][] of(INDArray nchw) {
        long[] shape = nchw.shape();
        if (shape.length != 4 || shape[0] != 1 || shape[1] != 1) {
            throw new IllegalArgumentException("expected one map of shape [1, 1, h, w], got "
                    + nchw.shapeInfoToString());
        }
        double[][] m = new double[(int) shape[2]][(int) shape[3]];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m[0].length; c++) {
                m[r][c] = nchw.getDouble(0, 0, r, c);
            }
        }
        return m;
    }

    /** [[4,3,4],[2,4,3],[2,3,4]]: also valid JSON. */
    static String json(double[][] m) {
        List<String> rows = new ArrayList<>();
        for (double[] row : m) {
            List<String> cells = new ArrayList<>();
            for (double v : row) {
                cells.add(number(v));
            }
            rows.add("[" + String.join(",", cells) + "]");
        }
        return "[" + String.join(",", rows) + "]";
    }

    /** One line per row, columns right-aligned, indented by {@code indent}. */
    static String grid(double[][] m, String indent) {
        int width = 1;
        for (double[] row : m) {
            for (double v : row) {
                width = Math.max(width, number(v).length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (double[] row : m) {
            s.append(indent);
            for (int c = 0; c < row.length; c++) {
                s.append(c == 0 ? "" : " ").append(String.format("%" + width + "s", number(row[c])));
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** Whole numbers without a decimal point; anything else as Java prints a double. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
