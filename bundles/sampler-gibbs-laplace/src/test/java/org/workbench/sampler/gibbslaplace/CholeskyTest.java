package org.workbench.sampler.gibbslaplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Both Cholesky kernels against EJML's factorisation and solver (an independent route), and the
 * vector kernel against the scalar one bit for bit. The tests run with jdk.incubator.vector (see
 * the pom), so {@link Cholesky#fastest()} must be the vector kernel here.
 */
class CholeskyTest {
    private static final int[] SIZES = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 64, 100, 101};

    /** B B^T + n I, dense, in rows of {@code n}. */
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

    /** {@code a} in rows of the kernels' stride, padding zero, the lower triangle set to {@code lower}. */
    private static double[] padded(double[] a, int n, double lower) {
        int ld = Cholesky.stride(n);
        double[] out = new double[n * ld];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                out[i * ld + k] = k < i ? lower : a[i * n + k];
            }
        }
        return out;
    }

    private static double[] paddedVector(double[] b, int n) {
        double[] out = new double[Cholesky.stride(n)];
        System.arraycopy(b, 0, out, 0, n);
        return out;
    }

    @Test
    void theVectorKernelIsTheFastestHere() {
        assertInstanceOf(VectorCholesky.class, Cholesky.fastest());
    }

    @Test
    void bothFactorsMatchEjmlToRoundOffWhateverTheLowerTriangleHolds() {
        for (Cholesky kernel : new Cholesky[] {new ScalarCholesky(), Cholesky.fastest()}) {
            for (int n : SIZES) {
                double[] a = spd(n, n);
                DMatrixRMaj ejml = new DMatrixRMaj(n, n, true, a.clone());
                CholeskyDecompositionInner_DDRM reference = new CholeskyDecompositionInner_DDRM(true);
                assertTrue(reference.decompose(ejml));
                double[] expected = reference.getT().data;
                double[] u = padded(a, n, Double.NaN);
                assertTrue(kernel.decompose(u, n));
                int ld = Cholesky.stride(n);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        assertEquals(expected[i * n + j], u[j * ld + i], 1e-12 * Math.abs(expected[i * n + i]),
                                kernel.getClass().getSimpleName() + ": L[" + i + "][" + j + "] = U[" + j + "][" + i + "], n = " + n);
                    }
                }
            }
        }
    }

    @Test
    void vectorAndScalarKernelsAgreeBitForBit() {
        Cholesky vector = Cholesky.fastest();
        Cholesky scalar = new ScalarCholesky();
        for (int n : SIZES) {
            double[] a = spd(n, 100 + n);
            double[] u1 = padded(a, n, 0);
            double[] u2 = padded(a, n, 7.5);
            assertTrue(scalar.decompose(u1, n));
            assertTrue(vector.decompose(u2, n));
            double[] b = new double[n];
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = Math.sin(i + 1.0);
                c[i] = Math.cos(3.0 * i);
            }
            double[] v1 = paddedVector(b, n);
            double[] v2 = paddedVector(b, n);
            scalar.solveLower(u1, n, v1);
            vector.solveLower(u2, n, v2);
            double[] w1 = paddedVector(c, n);
            double[] w2 = paddedVector(c, n);
            double[] x1 = v1.clone();
            double[] x2 = v2.clone();
            scalar.solveUpper(u1, n, x1, w1);
            vector.solveUpper(u2, n, x2, w2);
            int ld = Cholesky.stride(n);
            for (int i = 0; i < n; i++) {
                for (int k = i; k < n; k++) {
                    assertEquals(u1[i * ld + k], u2[i * ld + k], 0.0, "U[" + i + "][" + k + "], n = " + n);
                }
                assertEquals(v1[i], v2[i], 0.0, "L^-1 b [" + i + "], n = " + n);
                assertEquals(x1[i], x2[i], 0.0, "U^-1 L^-1 b [" + i + "], n = " + n);
                assertEquals(w1[i], w2[i], 0.0, "U^-1 c [" + i + "], n = " + n);
            }
        }
    }

    @Test
    void solvesGiveTheSolutionOfTheSystem() {
        for (Cholesky kernel : new Cholesky[] {new ScalarCholesky(), Cholesky.fastest()}) {
            for (int n : new int[] {3, 50, 101}) {
                double[] a = spd(n, 9);
                double[] b = new double[n];
                for (int i = 0; i < n; i++) {
                    b[i] = i - 20.5;
                }
                DMatrixRMaj x = new DMatrixRMaj(n, 1);
                assertTrue(CommonOps_DDRM.solve(new DMatrixRMaj(n, n, true, a), new DMatrixRMaj(n, 1, true, b), x));
                double[] u = padded(a, n, 0);
                assertTrue(kernel.decompose(u, n));
                double[] v = paddedVector(b, n);
                kernel.solveLower(u, n, v);
                double[] w = v.clone();
                kernel.solveUpper(u, n, v, w);
                for (int i = 0; i < n; i++) {
                    assertEquals(x.data[i], v[i], 1e-12 * (1 + Math.abs(x.data[i])), "n = " + n);
                    assertEquals(x.data[i], w[i], 1e-12 * (1 + Math.abs(x.data[i])), "n = " + n);
                }
            }
        }
    }

    @Test
    void refusesAMatrixThatIsNotPositiveDefinite() {
        for (Cholesky kernel : new Cholesky[] {new ScalarCholesky(), Cholesky.fastest()}) {
            assertFalse(kernel.decompose(padded(new double[] {1, 2, 2, 1}, 2, 0), 2));
            double[] late = spd(20, 3);
            late[19 * 20 + 19] = -1e6;
            assertFalse(kernel.decompose(padded(late, 20, 0), 20));
        }
    }
}
