package dev.convlab.tutorials;

/**
 * The tutorial's hand calculation as loops: slide the filter over the input, multiply element by element, add up.
 * An independent check of what the DL4J layer computes; also the sum written out for the first cell.
 */
final class CrossCorrelation {
    private CrossCorrelation() {
    }

    /** 'valid' cross-correlation with stride 1. */
    static double[][] valid(double[][] input, double[][] filter) {
        int rows = input.length - filter.length + 1;
        int cols = input[0].length - filter[0].length + 1;
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double sum = 0;
                for (int i = 0; i < filter.length; i++) {
                    for (int j = 0; j < filter[0].length; j++) {
                        sum += input[r + i][c + j] * filter[i][j];
                    }
                }
                out[r][c] = sum;
            }
        }
        return out;
    }

    /** The products that make cell (row, col) of the 'valid' map, e.g. "1*1 + 1*0 + ... = 4". */
    static String worked(double[][] input, double[][] filter, int row, int col) {
        StringBuilder s = new StringBuilder();
        double sum = 0;
        for (int i = 0; i < filter.length; i++) {
            for (int j = 0; j < filter[0].length; j++) {
                if (s.length() > 0) {
                    s.append(" + ");
                }
                double a = input[row + i][col + j];
                double b = filter[i][j];
                s.append(Matrices.number(a)).append('*').append(Matrices.number(b));
                sum += a * b;
            }
        }
        return s.append(" = ").append(Matrices.number(sum)).toString();
    }
}
