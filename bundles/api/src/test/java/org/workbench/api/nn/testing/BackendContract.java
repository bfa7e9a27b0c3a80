package org.workbench.api.nn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.workbench.api.nn.Backend;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;

/**
 * The contract every {@link Backend} keeps: its three products agree with a naive triple loop in
 * double (to 1e-12 relative) and float (to 1e-5 relative) for shapes that are not multiples of
 * any vector or block size, reuse a larger output buffer, and leave the inputs unchanged.
 */
public abstract class BackendContract {
    /** A fresh backend under test. */
    protected abstract Backend backend();

    /** Shapes (m, k, n) including ones above a million multiply-adds, where backends may go parallel. */
    private static final int[][] SHAPES = {{1, 1, 1}, {3, 5, 7}, {17, 33, 65}, {64, 128, 40}, {130, 257, 19}, {5, 300, 258},
        {70, 300, 60}, {500, 300, 10}};

    @Test
    void productsMatchTheNaiveLoopInDouble() {
        for (int[] s : SHAPES) {
            check(Precision.DOUBLE, s[0], s[1], s[2], 1e-12);
        }
    }

    @Test
    void productsMatchTheNaiveLoopInFloat() {
        for (int[] s : SHAPES) {
            check(Precision.FLOAT, s[0], s[1], s[2], 1e-5);
        }
    }

    @Test
    void mismatchedInnerDimensionsAreRejected() {
        Matrix a = Matrix.zeros(Precision.DOUBLE, 2, 3);
        Matrix b = Matrix.zeros(Precision.DOUBLE, 4, 2);
        assertThrows(IllegalArgumentException.class, () -> backend().multiply(a, b, Matrix.zeros(Precision.DOUBLE, 1, 1)));
    }

    private void check(Precision p, int m, int k, int n, double tolerance) {
        Backend backend = backend();
        SplittableRandom random = new SplittableRandom(m * 1000L + k * 10L + n);
        Matrix a = random(p, m, k, random);
        Matrix b = random(p, k, n, random);
        Matrix at = transpose(a);
        Matrix bt = transpose(b);
        double[][] expected = naive(a, b);
        Matrix aCopy = transpose(at);
        Matrix c = Matrix.zeros(p, m + 3, n + 5);
        c.fill(7);
        backend.multiply(a, b, c);
        compare(expected, c, tolerance, "a b " + m + "x" + k + "x" + n);
        c.fill(7);
        backend.multiplyTransA(at, b, c);
        compare(expected, c, tolerance, "a^T b " + m + "x" + k + "x" + n);
        c.fill(7);
        backend.multiplyTransB(a, bt, c);
        compare(expected, c, tolerance, "a b^T " + m + "x" + k + "x" + n);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(aCopy.at(i), a.at(i), 0.0, "input modified");
        }
    }

    private static Matrix random(Precision p, int rows, int cols, SplittableRandom random) {
        Matrix m = Matrix.zeros(p, rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.set(i, j, random.nextDouble(-1, 1));
            }
        }
        return m;
    }

    private static Matrix transpose(Matrix a) {
        Matrix t = Matrix.zeros(a.precision(), a.columns(), a.rows());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.columns(); j++) {
                t.set(j, i, a.get(i, j));
            }
        }
        return t;
    }

    private static double[][] naive(Matrix a, Matrix b) {
        double[][] c = new double[a.rows()][b.columns()];
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.columns(); j++) {
                double s = 0;
                for (int l = 0; l < a.columns(); l++) {
                    s += a.get(i, l) * b.get(l, j);
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    private static void compare(double[][] expected, Matrix c, double tolerance, String what) {
        assertEquals(expected.length, c.rows(), what + ": rows");
        assertEquals(expected.length == 0 ? 0 : expected[0].length, c.columns(), what + ": columns");
        for (int i = 0; i < c.rows(); i++) {
            for (int j = 0; j < c.columns(); j++) {
                double e = expected[i][j];
                assertEquals(e, c.get(i, j), tolerance * Math.max(1, Math.abs(e)) * Math.sqrt(expected[0].length + 1),
                        what + " at (" + i + ", " + j + ")");
            }
        }
    }
}
