package org.workbench.backend.vector;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * C = op(A) op(B) in float. B is packed into panels of {@link #NR} columns stored row by row, and A
 * into panels of {@link #MR} rows stored column by column (both zero padded, transposed by blocks on
 * the way when needed; A^T's full panels, whose rows are adjacent, are read in place), so the
 * micro-kernel reads each operand from one base. The micro-kernel keeps an MR x NR tile of C in SIMD registers over the whole inner
 * dimension (with 16 float lanes: 12 x 32, 24 accumulators of the 32 vector registers; with 8:
 * 6 x 16) and writes it once. Large products are split over a {@link Workers} team by column panel
 * in one hand-off (each part packs its panel of B, and each panel of A is packed once, by the
 * first part that needs it), or, when there are few columns, by packing B and then by row panel.
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

    private final Workers workers;
    private final float[][] tiles;
    private final Workers.Job packBJob;
    private final Workers.Job columnJob;
    private final Workers.Job rowJob;
    private float[] ap = new float[0];
    /**
     * Per row panel of A, whether this call packed it yet: {@code call << 1} while a thread packs it,
     * {@code call << 1 | 1} once packed; any other value is from an earlier call.
     */
    private AtomicIntegerArray aState = new AtomicIntegerArray(0);
    private int call;
    /** Per thread, the row panels a part left for last. */
    private int[][] deferred = new int[0][];
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

    FloatGemm(Workers workers) {
        this.workers = workers;
        this.tiles = new float[workers.threads()][MR * NR];
        this.packBJob = (p, thread) -> packB(p);
        this.columnJob = (p, thread) -> {
            packB(p);
            columnTiles(p, thread, tiles[thread]);
        };
        this.rowJob = (p, thread) -> {
            if (!inPlace(p)) {
                packA(p);
            }
            rowTiles(p, tiles[thread]);
        };
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
        if (aState.length() < mp) {
            aState = new AtomicIntegerArray(mp);
            deferred = new int[workers.threads()][mp];
        }
        // never 0: a fresh state array holds zeros, which would read as "being packed in call 0"
        call = call == 0x3FFF_FFFF ? 1 : call + 1;
        int threads = workers.threads();
        boolean parallel = threads > 1 && (long) m * n * k >= PARALLEL_MULTIPLY_ADDS
                && Math.max(mp, np) <= Workers.MAX_PARTS;
        boolean byColumns = np >= 2 * threads || np >= mp;
        if (parallel && byColumns) {
            // one hand-off: each part packs its column panel of B, and A's row panels are packed by
            // whichever part needs one first
            workers.run(columnJob, np);
        } else if (parallel) {
            workers.run(packBJob, np);
            workers.run(rowJob, mp);
        } else {
            for (int p = 0; p < np; p++) {
                packB(p);
            }
            for (int p = 0; p < mp; p++) {
                if (!inPlace(p)) {
                    packA(p);
                }
                rowTiles(p, tiles[0]);
            }
        }
        this.a = null;
        this.b = null;
        this.c = null;
    }

    /**
     * Whether A's row panel {@code ib} is ready for this call: read in place, packed already, or
     * packed now by this thread; false while another thread packs it.
     */
    private boolean readyA(int ib) {
        if (inPlace(ib)) {
            return true;
        }
        int packing = call << 1;
        int packed = packing | 1;
        while (true) {
            int state = aState.get(ib);
            if (state == packed) {
                return true;
            }
            if (state == packing) {
                return false;
            }
            if (aState.compareAndSet(ib, state, packing)) {
                packA(ib);
                aState.set(ib, packed);
                return true;
            }
        }
    }

    /** Waits until another thread has packed A's row panel {@code ib} (a few microseconds). */
    private void awaitA(int ib) {
        while (!readyA(ib)) {
            Thread.onSpinWait();
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
        int i0 = ib * MR;
        int rows = Math.min(MR, m - i0);
        if (transA) {
            packRows(a, i0, rows, m, k, ap, ib * MR * k, MR);
        } else {
            packColumns(a, i0, rows, k, ap, ib * MR * k, MR);
        }
    }

    private void packB(int jb) {
        int j0 = jb * NR;
        int cols = Math.min(NR, n - j0);
        if (transB) {
            packColumns(b, j0, cols, k, bp, jb * NR * k, NR);
        } else {
            packRows(b, j0, cols, n, k, bp, jb * NR * k, NR);
        }
    }

    /**
     * Copies elements {@code first .. first + count} of each of {@code k} rows of {@code src} (row
     * {@code l} starting at {@code l * stride}) to {@code dst[base + l * width ..]}, zero padding each
     * to {@code width}.
     */
    private static void packRows(float[] src, int first, int count, int stride, int k, float[] dst, int base, int width) {
        for (int l = 0; l < k; l++) {
            int d = base + l * width;
            System.arraycopy(src, l * stride + first, dst, d, count);
            if (count < width) {
                Arrays.fill(dst, d + count, d + width, 0f);
            }
        }
    }

    /**
     * Transposes rows {@code first .. first + count} of {@code src} (each {@code k} long) into
     * {@code dst}: element {@code l} of row {@code first + r} goes to {@code dst[base + l * width + r]},
     * zero padded to {@code width}. Eight rows at a time, so that each destination row gets eight
     * adjacent elements per pass (measured on problem 4's 256 x 784: 70 against 100 us for one row
     * at a time in blocks of 128 elements).
     */
    private static void packColumns(float[] src, int first, int count, int k, float[] dst, int base, int width) {
        int r = 0;
        for (; r + 8 <= count; r += 8) {
            int from = (first + r) * k;
            int d = base + r;
            for (int l = 0; l < k; l++) {
                int o = d + l * width;
                int f = from + l;
                dst[o] = src[f];
                dst[o + 1] = src[f + k];
                dst[o + 2] = src[f + 2 * k];
                dst[o + 3] = src[f + 3 * k];
                dst[o + 4] = src[f + 4 * k];
                dst[o + 5] = src[f + 5 * k];
                dst[o + 6] = src[f + 6 * k];
                dst[o + 7] = src[f + 7 * k];
            }
        }
        for (; r < count; r++) {
            int from = (first + r) * k;
            int d = base + r;
            for (int l = 0; l < k; l++) {
                dst[d + l * width] = src[from + l];
            }
        }
        if (count < width) {
            for (int l = 0; l < k; l++) {
                Arrays.fill(dst, base + l * width + count, base + (l + 1) * width, 0f);
            }
        }
    }

    /**
     * Every tile of column panel {@code p}. Parts start at different row panels (the first part at
     * the top, the next half-way down, and so on), so that, running at the same time, they pack
     * different panels of A; a panel another part is still packing is left for last.
     */
    private void columnTiles(int p, int thread, float[] tile) {
        int[] later = deferred[thread];
        int deferredCount = 0;
        int start = (int) ((long) (p % workers.threads()) * mp / workers.threads());
        for (int q = 0; q < mp; q++) {
            int ib = start + q < mp ? start + q : start + q - mp;
            if (readyA(ib)) {
                tile(ib, p, tile);
            } else {
                later[deferredCount++] = ib;
            }
        }
        for (int d = 0; d < deferredCount; d++) {
            awaitA(later[d]);
            tile(later[d], p, tile);
        }
    }

    /** Every tile of row panel {@code p}, whose A panel is packed. */
    private void rowTiles(int p, float[] tile) {
        for (int jb = 0; jb < np; jb++) {
            tile(p, jb, tile);
        }
    }

    private void tile(int ib, int jb, float[] tile) {
        int i0 = ib * MR;
        boolean inPlace = inPlace(ib);
        float[] av = inPlace ? a : ap;
        int ao = inPlace ? i0 : ib * MR * k;
        int as = inPlace ? m : MR;
        if (MR == 12 && m - i0 > 6) {
            kernel12(av, ao, as, bp, jb * NR * k, k, i0, jb * NR, tile);
        } else {
            // with 16 lanes, a last row panel of at most 6 rows (4 of problem 4's 256) costs half a 12-row tile
            kernel6(av, ao, as, bp, jb * NR * k, k, i0, jb * NR, tile);
        }
    }

    /** Whether the kernel reads A's row panel {@code ib} where it is: a full panel of A^T, whose MR rows are adjacent. */
    private boolean inPlace(int ib) {
        return transA && (ib + 1) * MR <= m;
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
     * An 12 x NR tile of C at row {@code i0}, column {@code j0}, over the whole inner dimension: A(i0 + r, l) is
     * {@code av[ao + l * as + r]} (its packed row panel, or A^T in place), B's packed column panel starts at {@code bo}.
     */
    private void kernel12(float[] av, int ao, int as, float[] bp, int bo, int k, int i0, int j0, float[] tile) {
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
            int al = ao + l * as;
            FloatVector b0 = FloatVector.fromArray(S, bp, bl);
            FloatVector b1 = FloatVector.fromArray(S, bp, bl + L);
            FloatVector x0 = FloatVector.broadcast(S, av[al + 0]);
            c00 = b0.fma(x0, c00);
            c01 = b1.fma(x0, c01);
            FloatVector x1 = FloatVector.broadcast(S, av[al + 1]);
            c10 = b0.fma(x1, c10);
            c11 = b1.fma(x1, c11);
            FloatVector x2 = FloatVector.broadcast(S, av[al + 2]);
            c20 = b0.fma(x2, c20);
            c21 = b1.fma(x2, c21);
            FloatVector x3 = FloatVector.broadcast(S, av[al + 3]);
            c30 = b0.fma(x3, c30);
            c31 = b1.fma(x3, c31);
            FloatVector x4 = FloatVector.broadcast(S, av[al + 4]);
            c40 = b0.fma(x4, c40);
            c41 = b1.fma(x4, c41);
            FloatVector x5 = FloatVector.broadcast(S, av[al + 5]);
            c50 = b0.fma(x5, c50);
            c51 = b1.fma(x5, c51);
            FloatVector x6 = FloatVector.broadcast(S, av[al + 6]);
            c60 = b0.fma(x6, c60);
            c61 = b1.fma(x6, c61);
            FloatVector x7 = FloatVector.broadcast(S, av[al + 7]);
            c70 = b0.fma(x7, c70);
            c71 = b1.fma(x7, c71);
            FloatVector x8 = FloatVector.broadcast(S, av[al + 8]);
            c80 = b0.fma(x8, c80);
            c81 = b1.fma(x8, c81);
            FloatVector x9 = FloatVector.broadcast(S, av[al + 9]);
            c90 = b0.fma(x9, c90);
            c91 = b1.fma(x9, c91);
            FloatVector x10 = FloatVector.broadcast(S, av[al + 10]);
            c100 = b0.fma(x10, c100);
            c101 = b1.fma(x10, c101);
            FloatVector x11 = FloatVector.broadcast(S, av[al + 11]);
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
     * An 6 x NR tile of C at row {@code i0}, column {@code j0}, over the whole inner dimension: A(i0 + r, l) is
     * {@code av[ao + l * as + r]} (its packed row panel, or A^T in place), B's packed column panel starts at {@code bo}.
     */
    private void kernel6(float[] av, int ao, int as, float[] bp, int bo, int k, int i0, int j0, float[] tile) {
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
            int al = ao + l * as;
            FloatVector b0 = FloatVector.fromArray(S, bp, bl);
            FloatVector b1 = FloatVector.fromArray(S, bp, bl + L);
            FloatVector x0 = FloatVector.broadcast(S, av[al + 0]);
            c00 = b0.fma(x0, c00);
            c01 = b1.fma(x0, c01);
            FloatVector x1 = FloatVector.broadcast(S, av[al + 1]);
            c10 = b0.fma(x1, c10);
            c11 = b1.fma(x1, c11);
            FloatVector x2 = FloatVector.broadcast(S, av[al + 2]);
            c20 = b0.fma(x2, c20);
            c21 = b1.fma(x2, c21);
            FloatVector x3 = FloatVector.broadcast(S, av[al + 3]);
            c30 = b0.fma(x3, c30);
            c31 = b1.fma(x3, c31);
            FloatVector x4 = FloatVector.broadcast(S, av[al + 4]);
            c40 = b0.fma(x4, c40);
            c41 = b1.fma(x4, c41);
            FloatVector x5 = FloatVector.broadcast(S, av[al + 5]);
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
