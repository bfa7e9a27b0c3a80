package org.workbench.backend.vector;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * C = op(A) op(B) in float: packs B into panels of {@link #NR} contiguous columns (zero-padded,
 * transposing on the way when asked), then computes each {@link #MR} x NR tile of C in SIMD
 * registers over the whole inner dimension, broadcasting elements of A read in place (from its
 * rows, or its columns for A^T). Threads take column panels (or row panels when there are few)
 * one at a time from a shared counter, so a descheduled thread does not hold the others up. Overwrites only C and its own packing buffer; one instance must not be
 * used by two callers at once.
 */
final class FloatGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int MR = 6;
    static final int NR = 2 * L;
    private static final long PARALLEL_FLOPS = 1L << 20;
    private final int threads;
    private float[] bp = new float[0];

    FloatGemm(int threads) {
        this.threads = threads;
    }

    /**
     * @param transA A(i, l) is {@code a[l * m + i]} instead of {@code a[i * k + l]}
     * @param transB B(l, j) is {@code b[j * k + l]} instead of {@code b[l * n + j]}
     */
    void multiply(float[] a, boolean transA, float[] b, boolean transB, float[] c, int m, int n, int k) {
        int mp = (m + MR - 1) / MR;
        int np = (n + NR - 1) / NR;
        if (k == 0) {
            Arrays.fill(c, 0, m * n, 0f);
            return;
        }
        int rs = transA ? 1 : k;
        int cs = transA ? m : 1;
        packB(b, transB, n, k, np);
        int parts = (long) m * n * k >= PARALLEL_FLOPS ? Math.min(threads, Math.max(np, mp)) : 1;
        if (parts <= 1) {
            tiles(a, rs, cs, c, m, n, k, 0, mp, 0, np);
            return;
        }
        boolean byColumns = np >= 2 * parts;
        int total = byColumns ? np : mp;
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int p = next.getAndIncrement(); p < total; p = next.getAndIncrement()) {
                if (byColumns) {
                    tiles(a, rs, cs, c, m, n, k, 0, mp, p, p + 1);
                } else {
                    tiles(a, rs, cs, c, m, n, k, p, p + 1, 0, np);
                }
            }
        };
        ForkJoinTask<?>[] forks = new ForkJoinTask<?>[parts - 1];
        for (int t = 0; t < forks.length; t++) {
            forks[t] = ForkJoinPool.commonPool().submit(worker);
        }
        worker.run();
        for (ForkJoinTask<?> f : forks) {
            f.join();
        }
    }

    private void packB(float[] b, boolean transB, int n, int k, int np) {
        int size = np * NR * k;
        if (bp.length < size) {
            bp = new float[size];
        }
        float[] p = bp;
        for (int jb = 0; jb < np; jb++) {
            int base = jb * k * NR;
            int j0 = jb * NR;
            int width = Math.min(NR, n - j0);
            if (transB) {
                for (int l = 0; l < k; l++) {
                    int dst = base + l * NR;
                    for (int col = 0; col < width; col++) {
                        p[dst + col] = b[(j0 + col) * k + l];
                    }
                    for (int col = width; col < NR; col++) {
                        p[dst + col] = 0f;
                    }
                }
            } else {
                for (int l = 0; l < k; l++) {
                    int dst = base + l * NR;
                    System.arraycopy(b, l * n + j0, p, dst, width);
                    for (int col = width; col < NR; col++) {
                        p[dst + col] = 0f;
                    }
                }
            }
        }
    }

    private void tiles(float[] a, int rs, int cs, float[] c, int m, int n, int k, int ibFrom, int ibTo, int jbFrom, int jbTo) {
        float[] tile = new float[MR * NR];
        for (int jb = jbFrom; jb < jbTo; jb++) {
            for (int ib = ibFrom; ib < ibTo; ib++) {
                kernel(a, rs, cs, c, m, n, k, ib, jb, tile);
            }
        }
    }

    private void kernel(float[] a, int rs, int cs, float[] c, int m, int n, int k, int ib, int jb, float[] tile) {
        float[] b = bp;
        int o0 = Math.min(ib * MR + 0, m - 1) * rs;
        int o1 = Math.min(ib * MR + 1, m - 1) * rs;
        int o2 = Math.min(ib * MR + 2, m - 1) * rs;
        int o3 = Math.min(ib * MR + 3, m - 1) * rs;
        int o4 = Math.min(ib * MR + 4, m - 1) * rs;
        int o5 = Math.min(ib * MR + 5, m - 1) * rs;
        int bo = jb * k * NR;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        FloatVector c51 = FloatVector.zero(S);
        for (int l = 0; l < k; l++) {
            int bl = bo + l * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, bl);
            FloatVector b1 = FloatVector.fromArray(S, b, bl + L);
            int lc = l * cs;
            FloatVector x = FloatVector.broadcast(S, a[o0 + lc]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = FloatVector.broadcast(S, a[o1 + lc]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = FloatVector.broadcast(S, a[o2 + lc]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = FloatVector.broadcast(S, a[o3 + lc]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            x = FloatVector.broadcast(S, a[o4 + lc]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            x = FloatVector.broadcast(S, a[o5 + lc]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
        }
        int i0 = ib * MR;
        int j0 = jb * NR;
        if (i0 + MR <= m && j0 + NR <= n) {
            int o = i0 * n + j0;
            c00.intoArray(c, o);
            c01.intoArray(c, o + L);
            c10.intoArray(c, o + n);
            c11.intoArray(c, o + n + L);
            c20.intoArray(c, o + 2 * n);
            c21.intoArray(c, o + 2 * n + L);
            c30.intoArray(c, o + 3 * n);
            c31.intoArray(c, o + 3 * n + L);
            c40.intoArray(c, o + 4 * n);
            c41.intoArray(c, o + 4 * n + L);
            c50.intoArray(c, o + 5 * n);
            c51.intoArray(c, o + 5 * n + L);
            return;
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        int rows = Math.min(MR, m - i0);
        int cols = Math.min(NR, n - j0);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(tile, r * NR, c, (i0 + r) * n + j0, cols);
        }
    }
}
