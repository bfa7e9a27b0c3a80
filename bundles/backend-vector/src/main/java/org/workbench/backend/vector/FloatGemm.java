package org.workbench.backend.vector;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * C = op(A) op(B) in float. Both operands are first packed: B into panels of {@link #NR} columns
 * stored row by row, A into panels of {@link #MR} rows stored column by column (both zero padded,
 * transposed by blocks on the way when asked), so the micro-kernel reads each with unit stride from
 * one base. The micro-kernel keeps an MR x NR tile of C in SIMD registers over the whole inner
 * dimension (with 16 float lanes: 12 x 32, 24 accumulators of the 32 vector registers; with 8:
 * 6 x 16) and writes it once. Large products are split over a {@link Workers} team in two jobs:
 * packing by panel, then computing by column panel (or by row panel when there are few columns).
 * Keeps its packing buffers between calls and overwrites only C; one instance must not be used by
 * two callers at once.
 */
final class FloatGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int MR = L >= 16 ? 12 : 6;
    static final int NR = 2 * L;
    /**
     * Multiply-adds below which a product runs on the calling thread alone. Problem 4's small
     * products (256 x 256 by 256 x 10 and the like, 655,360 multiply-adds) would gain a little from
     * the second core on an idle machine (measured 14 against 22 us for the 10-wide forward product,
     * about 4 ms of an epoch for all three), but each hand-off waits for a helper that the scheduler
     * may have descheduled while it holds a part, which on a loaded machine costs far more: they stay
     * on the caller, and a training step has two hand-offs, one per large product.
     */
    private static final long PARALLEL_MULTIPLY_ADDS = 1L << 20;
    /** Inner-dimension rows per block of the transposing pack (measured: 128 beats 32, 64 and unblocked). */
    private static final int TRANSPOSE_BLOCK = 128;

    private final Workers workers;
    private final float[][] tiles;
    private final Workers.Job packJob;
    private final Workers.Job tileJob;
    private float[] ap = new float[0];
    private float[] bp = new float[0];
    // the arguments of the current call, read by the jobs
    private float[] a;
    private float[] b;
    private float[] c;
    private boolean transA;
    private boolean transB;
    private int m;
    private int n;
    private int k;
    private int mp;
    private int np;
    private boolean byColumns;

    FloatGemm(Workers workers) {
        this.workers = workers;
        this.tiles = new float[workers.threads()][MR * NR];
        this.packJob = (p, thread) -> pack(p);
        this.tileJob = (p, thread) -> tiles(p, tiles[thread]);
    }

    /**
     * C = op(A) op(B), overwriting {@code c[0 .. m*n)}.
     *
     * @param transA A(i, l) is {@code a[l * m + i]} instead of {@code a[i * k + l]}
     * @param transB B(l, j) is {@code b[j * k + l]} instead of {@code b[l * n + j]}
     */
    void multiply(float[] a, boolean transA, float[] b, boolean transB, float[] c, int m, int n, int k) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            Arrays.fill(c, 0, m * n, 0f);
            return;
        }
        this.a = a;
        this.b = b;
        this.c = c;
        this.transA = transA;
        this.transB = transB;
        this.m = m;
        this.n = n;
        this.k = k;
        this.mp = (m + MR - 1) / MR;
        this.np = (n + NR - 1) / NR;
        if (ap.length < mp * MR * k) {
            ap = new float[mp * MR * k];
        }
        if (bp.length < np * NR * k) {
            bp = new float[np * NR * k];
        }
        int threads = workers.threads();
        boolean parallel = threads > 1 && (long) m * n * k >= PARALLEL_MULTIPLY_ADDS
                && Math.max(mp, np) <= Workers.MAX_PARTS;
        byColumns = np >= 2 * threads || np >= mp;
        int parts = byColumns ? np : mp;
        if (parallel) {
            workers.run(packJob, Math.max(mp, np));
            workers.run(tileJob, parts);
        } else {
            for (int p = 0, packs = Math.max(mp, np); p < packs; p++) {
                pack(p);
            }
            for (int p = 0; p < parts; p++) {
                tiles(p, tiles[0]);
            }
        }
        this.a = null;
        this.b = null;
        this.c = null;
    }

    /** Packs A's row panel {@code p} and B's column panel {@code p}, those that exist. */
    private void pack(int p) {
        if (p < mp) {
            packA(p);
        }
        if (p < np) {
            packB(p);
        }
    }

    /**
     * Packs rows {@code ib * MR ..} of A column by column: A(i0 + r, l) goes to {@code ap[ib * MR * k + l * MR + r]},
     * rows past the edge are zero. The micro-kernel then reads A at one base and constant offsets, which keeps its
     * integer registers few: with A read in place (twelve row offsets and a variable stride), C2 ran short of
     * general registers in some JVMs, parked integers in vector registers and spilled accumulators to the stack,
     * and the same product ran 3x slower for the whole run.
     */
    private void packA(int ib) {
        float[] dst = ap;
        int base = ib * MR * k;
        int i0 = ib * MR;
        int rows = Math.min(MR, m - i0);
        if (transA) {
            for (int l = 0; l < k; l++) {
                int d = base + l * MR;
                System.arraycopy(a, l * m + i0, dst, d, rows);
                if (rows < MR) {
                    Arrays.fill(dst, d + rows, d + MR, 0f);
                }
            }
        } else {
            for (int l0 = 0; l0 < k; l0 += TRANSPOSE_BLOCK) {
                int l1 = Math.min(k, l0 + TRANSPOSE_BLOCK);
                for (int r = 0; r < rows; r++) {
                    int src = (i0 + r) * k;
                    int d = base + r;
                    for (int l = l0; l < l1; l++) {
                        dst[d + l * MR] = a[src + l];
                    }
                }
            }
            if (rows < MR) {
                for (int l = 0; l < k; l++) {
                    Arrays.fill(dst, base + l * MR + rows, base + (l + 1) * MR, 0f);
                }
            }
        }
    }

    private void packB(int jb) {
        float[] dst = bp;
        int base = jb * NR * k;
        int j0 = jb * NR;
        int cols = Math.min(NR, n - j0);
        if (transB) {
            // a blocked transpose: the destination rows of one block of l stay in L1
            for (int l0 = 0; l0 < k; l0 += TRANSPOSE_BLOCK) {
                int l1 = Math.min(k, l0 + TRANSPOSE_BLOCK);
                for (int col = 0; col < cols; col++) {
                    int src = (j0 + col) * k;
                    int d = base + col;
                    for (int l = l0; l < l1; l++) {
                        dst[d + l * NR] = b[src + l];
                    }
                }
            }
            if (cols < NR) {
                for (int l = 0; l < k; l++) {
                    Arrays.fill(dst, base + l * NR + cols, base + (l + 1) * NR, 0f);
                }
            }
        } else {
            for (int l = 0; l < k; l++) {
                int d = base + l * NR;
                System.arraycopy(b, l * n + j0, dst, d, cols);
                if (cols < NR) {
                    Arrays.fill(dst, d + cols, d + NR, 0f);
                }
            }
        }
    }

    /** Every tile of column panel {@code p} (or of row panel {@code p}). */
    private void tiles(int p, float[] tile) {
        if (byColumns) {
            for (int ib = 0; ib < mp; ib++) {
                tile(ib, p, tile);
            }
        } else {
            for (int jb = 0; jb < np; jb++) {
                tile(p, jb, tile);
            }
        }
    }

    private void tile(int ib, int jb, float[] tile) {
        int i0 = ib * MR;
        if (MR == 12 && m - i0 > 6) {
            kernel12(ap, ib * MR * k, bp, jb * NR * k, k, i0, jb * NR, tile);
        } else {
            // with 16 lanes, a last row panel of at most 6 rows (4 of problem 4's 256) costs half a 12-row tile
            kernel6(ap, ib * MR * k, bp, jb * NR * k, k, i0, jb * NR, tile);
        }
    }

    /** Writes the valid part of a tile that crosses the edge of C. */
    private void writeEdge(float[] tile, int tileRows, int i0, int j0) {
        int rows = Math.min(tileRows, m - i0);
        int cols = Math.min(NR, n - j0);
        for (int r = 0; r < rows; r++) {
            int o = (i0 + r) * n + j0;
            System.arraycopy(tile, r * NR, c, o, cols);
        }
    }

    /**
     * An 12 x NR tile of C at row {@code i0}, column {@code j0}, over the whole inner dimension, from A's packed
     * row panel at {@code ao} and B's packed column panel at {@code bo}.
     */
    private void kernel12(float[] ap, int ao, float[] bp, int bo, int k, int i0, int j0, float[] tile) {
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
        FloatVector c60 = FloatVector.zero(S);
        FloatVector c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S);
        FloatVector c71 = FloatVector.zero(S);
        FloatVector c80 = FloatVector.zero(S);
        FloatVector c81 = FloatVector.zero(S);
        FloatVector c90 = FloatVector.zero(S);
        FloatVector c91 = FloatVector.zero(S);
        FloatVector c100 = FloatVector.zero(S);
        FloatVector c101 = FloatVector.zero(S);
        FloatVector c110 = FloatVector.zero(S);
        FloatVector c111 = FloatVector.zero(S);
        for (int l = 0; l < k; l++) {
            int bl = bo + l * NR;
            int al = ao + l * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bl);
            FloatVector b1 = FloatVector.fromArray(S, bp, bl + L);
            FloatVector x0 = FloatVector.broadcast(S, ap[al + 0]);
            c00 = b0.fma(x0, c00);
            c01 = b1.fma(x0, c01);
            FloatVector x1 = FloatVector.broadcast(S, ap[al + 1]);
            c10 = b0.fma(x1, c10);
            c11 = b1.fma(x1, c11);
            FloatVector x2 = FloatVector.broadcast(S, ap[al + 2]);
            c20 = b0.fma(x2, c20);
            c21 = b1.fma(x2, c21);
            FloatVector x3 = FloatVector.broadcast(S, ap[al + 3]);
            c30 = b0.fma(x3, c30);
            c31 = b1.fma(x3, c31);
            FloatVector x4 = FloatVector.broadcast(S, ap[al + 4]);
            c40 = b0.fma(x4, c40);
            c41 = b1.fma(x4, c41);
            FloatVector x5 = FloatVector.broadcast(S, ap[al + 5]);
            c50 = b0.fma(x5, c50);
            c51 = b1.fma(x5, c51);
            FloatVector x6 = FloatVector.broadcast(S, ap[al + 6]);
            c60 = b0.fma(x6, c60);
            c61 = b1.fma(x6, c61);
            FloatVector x7 = FloatVector.broadcast(S, ap[al + 7]);
            c70 = b0.fma(x7, c70);
            c71 = b1.fma(x7, c71);
            FloatVector x8 = FloatVector.broadcast(S, ap[al + 8]);
            c80 = b0.fma(x8, c80);
            c81 = b1.fma(x8, c81);
            FloatVector x9 = FloatVector.broadcast(S, ap[al + 9]);
            c90 = b0.fma(x9, c90);
            c91 = b1.fma(x9, c91);
            FloatVector x10 = FloatVector.broadcast(S, ap[al + 10]);
            c100 = b0.fma(x10, c100);
            c101 = b1.fma(x10, c101);
            FloatVector x11 = FloatVector.broadcast(S, ap[al + 11]);
            c110 = b0.fma(x11, c110);
            c111 = b1.fma(x11, c111);
        }
        if (i0 + 12 <= m && j0 + NR <= n) {
            int o = i0 * n + j0;
            c00.intoArray(c, o);
            c01.intoArray(c, o + L);
            c10.intoArray(c, o + 1 * n);
            c11.intoArray(c, o + 1 * n + L);
            c20.intoArray(c, o + 2 * n);
            c21.intoArray(c, o + 2 * n + L);
            c30.intoArray(c, o + 3 * n);
            c31.intoArray(c, o + 3 * n + L);
            c40.intoArray(c, o + 4 * n);
            c41.intoArray(c, o + 4 * n + L);
            c50.intoArray(c, o + 5 * n);
            c51.intoArray(c, o + 5 * n + L);
            c60.intoArray(c, o + 6 * n);
            c61.intoArray(c, o + 6 * n + L);
            c70.intoArray(c, o + 7 * n);
            c71.intoArray(c, o + 7 * n + L);
            c80.intoArray(c, o + 8 * n);
            c81.intoArray(c, o + 8 * n + L);
            c90.intoArray(c, o + 9 * n);
            c91.intoArray(c, o + 9 * n + L);
            c100.intoArray(c, o + 10 * n);
            c101.intoArray(c, o + 10 * n + L);
            c110.intoArray(c, o + 11 * n);
            c111.intoArray(c, o + 11 * n + L);
            return;
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, 0 + L);
        c10.intoArray(tile, 1 * NR);
        c11.intoArray(tile, 1 * NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        c60.intoArray(tile, 6 * NR);
        c61.intoArray(tile, 6 * NR + L);
        c70.intoArray(tile, 7 * NR);
        c71.intoArray(tile, 7 * NR + L);
        c80.intoArray(tile, 8 * NR);
        c81.intoArray(tile, 8 * NR + L);
        c90.intoArray(tile, 9 * NR);
        c91.intoArray(tile, 9 * NR + L);
        c100.intoArray(tile, 10 * NR);
        c101.intoArray(tile, 10 * NR + L);
        c110.intoArray(tile, 11 * NR);
        c111.intoArray(tile, 11 * NR + L);
        writeEdge(tile, 12, i0, j0);
    }

    /**
     * An 6 x NR tile of C at row {@code i0}, column {@code j0}, over the whole inner dimension, from A's packed
     * row panel at {@code ao} and B's packed column panel at {@code bo}.
     */
    private void kernel6(float[] ap, int ao, float[] bp, int bo, int k, int i0, int j0, float[] tile) {
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
            int al = ao + l * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bl);
            FloatVector b1 = FloatVector.fromArray(S, bp, bl + L);
            FloatVector x0 = FloatVector.broadcast(S, ap[al + 0]);
            c00 = b0.fma(x0, c00);
            c01 = b1.fma(x0, c01);
            FloatVector x1 = FloatVector.broadcast(S, ap[al + 1]);
            c10 = b0.fma(x1, c10);
            c11 = b1.fma(x1, c11);
            FloatVector x2 = FloatVector.broadcast(S, ap[al + 2]);
            c20 = b0.fma(x2, c20);
            c21 = b1.fma(x2, c21);
            FloatVector x3 = FloatVector.broadcast(S, ap[al + 3]);
            c30 = b0.fma(x3, c30);
            c31 = b1.fma(x3, c31);
            FloatVector x4 = FloatVector.broadcast(S, ap[al + 4]);
            c40 = b0.fma(x4, c40);
            c41 = b1.fma(x4, c41);
            FloatVector x5 = FloatVector.broadcast(S, ap[al + 5]);
            c50 = b0.fma(x5, c50);
            c51 = b1.fma(x5, c51);
        }
        if (i0 + 6 <= m && j0 + NR <= n) {
            int o = i0 * n + j0;
            c00.intoArray(c, o);
            c01.intoArray(c, o + L);
            c10.intoArray(c, o + 1 * n);
            c11.intoArray(c, o + 1 * n + L);
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
        c01.intoArray(tile, 0 + L);
        c10.intoArray(tile, 1 * NR);
        c11.intoArray(tile, 1 * NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        writeEdge(tile, 6, i0, j0);
    }
}
