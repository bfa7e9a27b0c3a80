package org.workbench.backend.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.junit.jupiter.api.Test;

/**
 * The float kernel against EJML's float products at problem 4's shapes (forward X W^T, dW = G^T X,
 * dX = G W) and at ragged shapes that exercise every edge tile, on one and two threads. Tolerance: 1e-5 relative to the scale of the terms summed
 * (sum over l of |a_il b_lj|), i.e. float rounding of a length-k dot product.
 */
class FloatGemmTest {
    private static final double TOLERANCE = 1e-5;
    /** m, n, k: problem 4's products (forward, dW, dX, the 10-wide forward), then ragged edges, split by column panels or by row panels. */
    private static final int[][] SHAPES = {{256, 256, 784}, {256, 784, 256}, {256, 256, 10}, {256, 10, 256},
        {13, 33, 29}, {1, 1, 1}, {25, 47, 100}, {300, 3, 70}, {200, 40, 300}};

    /** What a test checks of one shape on a FloatGemm of one or two threads. */
    private interface ShapeCheck {
        void check(FloatGemm gemm, int threads, int m, int n, int k);
    }

    /** Runs {@code check} for every shape {m, n, k} on a FloatGemm of one thread, then of two. */
    private static void onOneAndTwoThreads(int[][] shapes, ShapeCheck check) {
        for (int threads = 1; threads <= 2; threads++) {
            FloatGemm gemm = new FloatGemm(new Workers(threads));
            for (int[] s : shapes) {
                check.check(gemm, threads, s[0], s[1], s[2]);
            }
        }
    }

    /** What a test checks of one product form; {@code form} names it for messages ("", ", a^T" or ", b^T"). */
    private interface FormCheck {
        void check(boolean transA, boolean transB, String form);
    }

    /** Runs {@code check} for the forms a b, a^T b and a b^T (the same arrays read as either). */
    private static void inEveryForm(FormCheck check) {
        check.check(false, false, "");
        check.check(true, false, ", a^T");
        check.check(false, true, ", b^T");
    }

    @Test
    void productsAgreeWithEjmlOnOneAndTwoThreads() {
        onOneAndTwoThreads(SHAPES, (gemm, threads, m, n, k) -> {
            SplittableRandom random = new SplittableRandom(m * 7919L + n * 31L + k);
            FMatrixRMaj a = random(m, k, random);
            FMatrixRMaj b = random(k, n, random);
            FMatrixRMaj at = CommonOps_FDRM.transpose(a, null);
            FMatrixRMaj bt = CommonOps_FDRM.transpose(b, null);
            FMatrixRMaj expected = new FMatrixRMaj(m, n);
            CommonOps_FDRM.mult(a, b, expected);
            float[] c = new float[m * n + 3];
            String shape = m + "x" + k + " by " + k + "x" + n + " on " + threads + " threads";
            gemm.multiply(a.data, false, b.data, false, c, m, n, k);
            compare(expected, c, a, b, "a b " + shape);
            gemm.multiply(at.data, true, b.data, false, c, m, n, k);
            compare(expected, c, a, b, "a^T b " + shape);
            gemm.multiply(a.data, false, bt.data, true, c, m, n, k);
            compare(expected, c, a, b, "a b^T " + shape);
        });
    }

    /**
     * Two threads pack A's panels on demand, in an order that depends on timing: every element must
     * still come out bit for bit as on one thread, call after call on the same instance (whose
     * packing state is carried from call to call).
     */
    @Test
    void twoThreadsGiveTheBitsOfOneCallAfterCall() {
        FloatGemm one = new FloatGemm(new Workers(1));
        FloatGemm two = new FloatGemm(new Workers(2));
        for (int round = 0; round < 30; round++) {
            int[] s = SHAPES[round % 4];
            int m = s[0];
            int n = s[1];
            int k = s[2];
            SplittableRandom random = new SplittableRandom(round);
            float[] a = random(m, k, random).data;
            float[] b = random(k, n, random).data;
            String shape = "round " + round + ", " + m + "x" + k + " by " + k + "x" + n;
            inEveryForm((transA, transB, form) -> {
                float[] expected = new float[m * n];
                float[] actual = new float[m * n];
                one.multiply(a, transA, b, transB, expected, m, n, k);
                two.multiply(a, transA, b, transB, actual, m, n, k);
                assertArrayEquals(expected, actual, shape + form);
            });
        }
    }

    /**
     * Each element is one fused multiply-add chain over the inner dimension in order, at edge tiles
     * too and whatever the split over threads: checked bit for bit against a scalar Math.fma loop.
     */
    @Test
    void everyElementIsTheInOrderFusedSumOverTheInnerDimension() {
        onOneAndTwoThreads(new int[][] {{64, 40, 784}, {25, 47, 513}, {7, 33, 259}}, (gemm, threads, m, n, k) -> {
            SplittableRandom random = new SplittableRandom(k * 31L + m);
            float[] a = random(m, k, random).data;
            float[] b = random(k, n, random).data;
            inEveryForm((transA, transB, form) -> {
                float[] c = new float[m * n];
                gemm.multiply(a, transA, b, transB, c, m, n, k);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        assertEquals(inOrderFusedSum(a, transA, b, transB, m, n, k, i, j), c[i * n + j], "(" + i + ", " + j
                                + ") of " + m + "x" + k + " by " + k + "x" + n + form + " on " + threads + " threads");
                    }
                }
            });
        });
    }

    /** Element (i, j) of op(A) op(B) as one Math.fma chain over l = 0 .. k - 1. */
    private static float inOrderFusedSum(float[] a, boolean transA, float[] b, boolean transB, int m, int n, int k, int i, int j) {
        float sum = 0f;
        for (int l = 0; l < k; l++) {
            sum = Math.fma(transA ? a[l * m + i] : a[i * k + l], transB ? b[j * k + l] : b[l * n + j], sum);
        }
        return sum;
    }

    @Test
    void anEmptyInnerDimensionGivesZeros() {
        float[] c = {1f, 2f, 3f, 4f, 5f, 6f, 7f};
        new FloatGemm(new Workers(2)).multiply(new float[0], false, new float[0], false, c, 2, 3, 0);
        for (int k = 0; k < 6; k++) {
            assertEquals(0f, c[k]);
        }
        assertEquals(7f, c[6], "past m x n is left alone");
    }

    private static void compare(FMatrixRMaj expected, float[] c, FMatrixRMaj a, FMatrixRMaj b, String what) {
        int m = expected.numRows;
        int n = expected.numCols;
        int k = a.numCols;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double scale = 1;
                for (int l = 0; l < k; l++) {
                    scale += Math.abs(a.get(i, l) * b.get(l, j));
                }
                assertEquals(expected.get(i, j), c[i * n + j], TOLERANCE * scale, what + " at (" + i + ", " + j + ")");
            }
        }
    }

    private static FMatrixRMaj random(int rows, int columns, SplittableRandom random) {
        FMatrixRMaj m = new FMatrixRMaj(rows, columns);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = (float) random.nextDouble(-1, 1);
        }
        return m;
    }
}
