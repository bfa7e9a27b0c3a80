package org.workbench.diagnostics;

/**
 * The buffers that one thread's diagnostics need for S pooled draws in {@code splitChains} split
 * chains of {@code half} draws, allocated once and reused for every coordinate it summarises (allocating
 * them per coordinate, as before, came to about 3.4 MB a coordinate for 22,000 draws: some 340 MB of
 * temporaries to allocate and fault in for 100 coordinates).
 */
final class Workspace {
    final int size;
    final int half;
    final int splitChains;
    /** Positions in ascending order of the draws (low 32 bits), and the sorts' second buffer. */
    final long[] order;
    final long[] buffer;
    final int[] counts = new int[3 * 2048];
    /** The draws in ascending order. */
    final double[] sorted;
    /** Normal scores of the ranks at each draw's position. */
    final double[] scores;
    /** The series an autocovariance is being taken of, centred per chain. */
    final double[] centred;
    /** Folded draws |x - median| at the draws' positions, their positions in ascending order, and sorted. */
    final double[] folded;
    final long[] foldedOrder;
    final double[] foldedSorted;
    /** Geyer's sequence. */
    final double[] rho;
    /** One bit per draw, per split chain (words of 64). */
    final long[] bits;
    final int words;
    final double[] chainMeans;

    Workspace(int splitChains, int half) {
        this.splitChains = splitChains;
        this.half = half;
        this.size = splitChains * half;
        this.order = new long[size];
        this.buffer = new long[size];
        this.sorted = new double[size];
        this.scores = new double[size];
        this.centred = new double[size];
        this.folded = new double[size];
        this.foldedOrder = new long[size];
        this.foldedSorted = new double[size];
        this.rho = new double[Math.max(half, 2)];
        this.words = (half + 63) >>> 6;
        this.bits = new long[splitChains * words + 1];
        this.chainMeans = new double[splitChains];
    }
}
