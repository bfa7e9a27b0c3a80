package org.workbench.diagnostics;

/**
 * The draws of one scalar quantity from several equally long chains, kept twice in flat arrays:
 * as they are ({@link #original}: chain c at {@code c * length}) and split into halves
 * ({@link #split}: {@code 2 * chains} chains of {@code half} draws; with an odd length the middle
 * draw of each chain is dropped), the form every rank-normalised diagnostic works on.
 */
final class SplitDraws {
    final int chains;
    final int length;
    final int half;
    final double[] original;
    final double[] split;

    private SplitDraws(int chains, int length) {
        this.chains = chains;
        this.length = length;
        this.half = length / 2;
        this.original = new double[chains * length];
        this.split = new double[2 * chains * half];
    }

    /** From {@code chains[c][t]}; reads only. */
    static SplitDraws of(double[][] chains) {
        int n = chains[0].length;
        SplitDraws d = new SplitDraws(chains.length, n);
        for (int c = 0; c < chains.length; c++) {
            if (chains[c].length != n) {
                throw new IllegalArgumentException("chains differ in length");
            }
            System.arraycopy(chains[c], 0, d.original, c * n, n);
        }
        d.fillSplit();
        return d;
    }

    /**
     * Coordinates {@code from .. from + count - 1} of draws stored interleaved per chain
     * ({@code draws[c][t * p + j]}), gathered in one pass over the draws so that each cache line
     * of them is read once for all the coordinates it holds; reads only.
     */
    static SplitDraws[] ofInterleaved(double[][] draws, int p, int from, int count) {
        int n = draws[0].length / p;
        SplitDraws[] out = new SplitDraws[count];
        for (int b = 0; b < count; b++) {
            out[b] = new SplitDraws(draws.length, n);
        }
        for (int c = 0; c < draws.length; c++) {
            double[] chain = draws[c];
            int o = c * n;
            for (int t = 0; t < n; t++) {
                int row = t * p + from;
                for (int b = 0; b < count; b++) {
                    out[b].original[o + t] = chain[row + b];
                }
            }
        }
        for (SplitDraws d : out) {
            d.fillSplit();
        }
        return out;
    }

    private void fillSplit() {
        for (int c = 0; c < chains; c++) {
            System.arraycopy(original, c * length, split, 2 * c * half, half);
            System.arraycopy(original, c * length + length - half, split, (2 * c + 1) * half, half);
        }
    }

    /** The number of split chains. */
    int splitChains() {
        return 2 * chains;
    }

    /** The split chains as arrays (a copy). */
    double[][] splitRows() {
        double[][] out = new double[2 * chains][half];
        for (int c = 0; c < out.length; c++) {
            System.arraycopy(split, c * half, out[c], 0, half);
        }
        return out;
    }
}
