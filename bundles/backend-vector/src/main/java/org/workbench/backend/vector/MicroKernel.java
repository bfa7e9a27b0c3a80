package org.workbench.backend.vector;

/**
 * A register tile of C over the whole inner dimension: {@link #rows()} rows by {@link #columns()}
 * columns, one fused multiply-add chain per element in order of the inner index, so that every
 * kernel gives the same bits for the same operands. A(i0 + r, l) is {@code a[ao + l * as + r]} (a
 * packed row panel, or A^T read in place), B(l, j0 + j) is {@code b[bo + l * columns() + j]} (a
 * packed column panel), and C(i0 + r, j0 + j) goes to {@code c[co + r * ldc + j]}.
 */
interface MicroKernel {
    /** The width of its vectors in bits (256 or 512). */
    int bits();

    /** Rows of the tile. */
    int rows();

    /** Vectors in a row of the tile. */
    int vectors();

    /** Columns of the tile. */
    default int columns() {
        return vectors() * bits() / 32;
    }

    /** The whole tile. */
    void full(float[] a, int ao, int as, float[] b, int bo, int k, float[] c, int co, int ldc);

    /** The first {@code rows() / 2} rows of the tile (a last row panel of few rows costs half). */
    void half(float[] a, int ao, int as, float[] b, int bo, int k, float[] c, int co, int ldc);
}
