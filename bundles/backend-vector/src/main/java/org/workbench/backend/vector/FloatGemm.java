package org.workbench.backend.vector;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * C = op(A) op(B) in float, as a {@link KernelPlan} says: B is packed into panels of the micro-kernel's
 * columns stored row by row, and A into panels of its rows stored column by column (both zero padded,
 * transposed by blocks on the way when needed; A^T's full panels, whose rows are adjacent, are read in
 * place), so the micro-kernel reads each operand from one base. The {@link MicroKernel} keeps a tile
 * of C in SIMD registers over the whole inner dimension and writes it once. A plan of several threads
 * splits the product over a {@link Workers} team by column panel in one hand-off (each part packs its
 * panel of B, and each panel of A is packed once, by the first part that needs it), or, when there
 * are few columns, by packing B and then by row panel. Every plan gives the same bits: each element
 * is one in-order chain of fused multiply-adds over the inner dimension.
 * Keeps its packing buffers between calls and overwrites only C; one instance must not be used by
 * two callers at once.
 */
final class FloatGemm {
    /** The largest tile any kernel has, in floats. */
    private static final int MAX_TILE = 12 * 64;

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
    private MicroKernel kernel;
    private int mr;
    private int nr;

    FloatGemm(Workers workers) {
        this.workers = workers;
        this.tiles = new float[workers.threads()][MAX_TILE];
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
        multiply(a, transA, b, transB, c, m, n, k, KernelPlan.fallback(workers.threads(), (long) m * n * k));
    }

    /** The threads this instance's team has, the caller included: the most a plan can use. */
    int threads() {
        return workers.threads();
    }

    /** C = op(A) op(B) as {@code plan} says (its threads capped at this instance's). */
    void multiply(float[] a, boolean transA, float[] b, boolean transB, float[] c, int m, int n, int k, KernelPlan plan) {
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
        this.kernel = plan.kernel();
        this.mr = kernel.rows();
        this.nr = kernel.columns();
        this.mp = (m + mr - 1) / mr;
        this.np = (n + nr - 1) / nr;
        if (ap.length < mp * mr * k) {
            ap = new float[mp * mr * k];
        }
        if (bp.length < np * nr * k) {
            bp = new float[np * nr * k];
        }
        if (aState.length() < mp) {
            aState = new AtomicIntegerArray(mp);
            deferred = new int[workers.threads()][mp];
        }
        // never 0: a fresh state array holds zeros, which would read as "being packed in call 0"
        call = call == 0x3FFF_FFFF ? 1 : call + 1;
        int threads = workers.threads();
        boolean parallel = threads > 1 && plan.threads() > 1
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
     * Packs rows {@code ib * mr ..} of A column by column: A(i0 + r, l) goes to {@code ap[ib * mr * k + l * mr + r]},
     * rows past the edge are zero. The micro-kernel then reads A at one base and constant offsets, which keeps its
     * integer registers few: with A read in place (twelve row offsets and a variable stride), C2 ran short of
     * general registers in some JVMs, parked integers in vector registers and spilled accumulators to the stack,
     * and the same product ran 3x slower for the whole run.
     */
    private void packA(int ib) {
        int i0 = ib * mr;
        int rows = Math.min(mr, m - i0);
        if (transA) {
            packRows(a, i0, rows, m, k, ap, ib * mr * k, mr);
        } else {
            packColumns(a, i0, rows, k, ap, ib * mr * k, mr);
        }
    }

    private void packB(int jb) {
        int j0 = jb * nr;
        int cols = Math.min(nr, n - j0);
        if (transB) {
            packColumns(b, j0, cols, k, bp, jb * nr * k, nr);
        } else {
            packRows(b, j0, cols, n, k, bp, jb * nr * k, nr);
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
        int i0 = ib * mr;
        int j0 = jb * nr;
        boolean inPlace = inPlace(ib);
        float[] av = inPlace ? a : ap;
        int ao = inPlace ? i0 : ib * mr * k;
        int as = inPlace ? m : mr;
        int rows = Math.min(mr, m - i0);
        boolean half = 2 * rows <= mr;
        boolean whole = j0 + nr <= n && rows == (half ? mr / 2 : mr);
        float[] out = whole ? c : tile;
        int co = whole ? i0 * n + j0 : 0;
        int ldc = whole ? n : nr;
        if (half) {
            // a last row panel of at most half the tile's rows (4 of problem 4's 256 with 12-row tiles) costs half a tile
            kernel.half(av, ao, as, bp, jb * nr * k, k, out, co, ldc);
        } else {
            kernel.full(av, ao, as, bp, jb * nr * k, k, out, co, ldc);
        }
        if (!whole) {
            int cols = Math.min(nr, n - j0);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(tile, r * nr, c, (i0 + r) * n + j0, cols);
            }
        }
    }

    /** Whether the kernel reads A's row panel {@code ib} where it is: a full panel of A^T, whose rows are adjacent. */
    private boolean inPlace(int ib) {
        return transA && (ib + 1) * mr <= m;
    }
}
