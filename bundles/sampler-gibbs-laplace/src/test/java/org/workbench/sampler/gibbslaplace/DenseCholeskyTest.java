package org.workbench.sampler.gibbslaplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.junit.jupiter.api.Test;

/** The hot-loop Cholesky against EJML's, and its solves against A x = b. */
class DenseCholeskyTest {
    private static double[] spd(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] b = new double[n * n];
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextGaussian();
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += b[i * n + k] * b[j * n + k];
                }
                a[i * n + j] = s + (i == j ? n : 0);
            }
        }
        return a;
    }

    @Test
    void factorMatchesEjmlToRoundOff() {
        for (int n : new int[] {1, 3, 4, 5, 7, 8, 9, 100, 101}) {
            double[] a = spd(n, n);
            DMatrixRMaj ejml = new DMatrixRMaj(n, n, true, a.clone());
            CholeskyDecompositionInner_DDRM reference = new CholeskyDecompositionInner_DDRM(true);
            assertTrue(reference.decompose(ejml));
            double[] l = a.clone();
            assertTrue(DenseCholesky.decompose(l, n, new double[DenseCholesky.BLOCK * n]));
            double[] expected = reference.getT().data;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    assertEquals(expected[i * n + j], l[j * n + i], 1e-12 * Math.abs(expected[i * n + i]),
                            "L[" + i + "][" + j + "] = U[" + j + "][" + i + "] for n = " + n);
                }
            }
        }
    }

    @Test
    void solvesGiveTheSolutionOfTheSystem() {
        int n = 50;
        double[] a = spd(n, 9);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = i - 20.5;
        }
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        assertTrue(CommonOps_DDRM.solve(new DMatrixRMaj(n, n, true, a), new DMatrixRMaj(n, 1, true, b), x));
        double[] l = a.clone();
        assertTrue(DenseCholesky.decompose(l, n, new double[DenseCholesky.BLOCK * n]));
        double[] v = b.clone();
        DenseCholesky.solveLower(l, n, v);
        double[] w = v.clone();
        DenseCholesky.solveLowerTransposed(l, n, v, w);
        for (int i = 0; i < n; i++) {
            assertEquals(x.data[i], v[i], 1e-12);
            assertEquals(x.data[i], w[i], 1e-12);
        }
    }

    @Test
    void refusesAMatrixThatIsNotPositiveDefinite() {
        assertFalse(DenseCholesky.decompose(new double[] {1, 2, 2, 1}, 2, new double[DenseCholesky.BLOCK * 2]));
    }
}
