package org.convergence.reporting.export;

import java.util.ArrayList;
import java.util.List;

/** Which unknowns a homogeneous linear system pins down on its own (for the secrecy audit, ADR 0037). */
final class Linear {

    private static final double EPSILON = 1e-9;

    private Linear() {
    }

    /**
     * The columns {@code j} whose unknown the rows of {@code m} determine (the unit vector {@code e_j} is in their
     * span), from the reduced row echelon form: a row left with a single non-zero coefficient.
     */
    static List<Integer> determined(double[][] m) {
        int rows = m.length;
        int columns = rows == 0 ? 0 : m[0].length;
        double[][] a = new double[rows][];
        for (int r = 0; r < rows; r++) {
            a[r] = m[r].clone();
        }
        int pivotRow = 0;
        for (int c = 0; c < columns && pivotRow < rows; c++) {
            int best = pivotRow;
            for (int r = pivotRow + 1; r < rows; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[best][c])) {
                    best = r;
                }
            }
            if (Math.abs(a[best][c]) < EPSILON) {
                continue;
            }
            double[] swap = a[best];
            a[best] = a[pivotRow];
            a[pivotRow] = swap;
            double pivot = a[pivotRow][c];
            for (int k = 0; k < columns; k++) {
                a[pivotRow][k] /= pivot;
            }
            for (int r = 0; r < rows; r++) {
                if (r != pivotRow && Math.abs(a[r][c]) > EPSILON) {
                    double factor = a[r][c];
                    for (int k = 0; k < columns; k++) {
                        a[r][k] -= factor * a[pivotRow][k];
                    }
                }
            }
            pivotRow++;
        }
        List<Integer> determined = new ArrayList<>();
        for (int r = 0; r < pivotRow; r++) {
            int nonZero = 0;
            int at = -1;
            for (int c = 0; c < columns; c++) {
                if (Math.abs(a[r][c]) > EPSILON) {
                    nonZero++;
                    at = c;
                }
            }
            if (nonZero == 1) {
                determined.add(at);
            }
        }
        return determined;
    }
}
