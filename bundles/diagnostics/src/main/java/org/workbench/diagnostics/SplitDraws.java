package org.workbench.diagnostics;

/**
 * The draws of one scalar quantity from several equally long chains in flat arrays: as they are
 * ({@link #original}: chain c at {@code c * length}) and split into halves ({@link #split}:
 * {@code 2 * chains} chains of {@code half} draws; with an odd length the middle draw of each chain
 * is dropped), the form every rank-normalised diagnostic works on. With an even length the two are
 * the same array. Refillable, so that one pair of arrays serves coordinate after coordinate.
 */
final class SplitDraws {
    final int chains;
    final int length;
    final int half;
    final double[] original;
    final double[] split;

    SplitDraws(int chains, int length) {
        this.chains = chains;
        this.length = length;
        this.half = length / 2;
        this.split = new double[2 * chains * half];
        this.original = length % 2 == 0 ? split : new double[chains * length];
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
     * Refills {@code into[0 .. count)} (each of {@code draws.length} chains of {@code draws[0].length
     * / p}) with coordinates {@code from .. from + count - 1} of draws stored interleaved per chain
     * ({@code draws[c][t * p + j]}), gathered in one pass over the draws so that each cache line of
     * them is read once for all the coordinates it holds; reads {@code draws} only.
     */
    static void ofInterleaved(double[][] draws, int p, int from, int count, SplitDraws[] into) {
        int n = draws[0].length / p;
        double[][] out = new double[count][];
        for (int b = 0; b < count; b++) {
            out[b] = into[b].original;
        }
        for (int c = 0; c < draws.length; c++) {
            for (int t = 0; t < n; t += Chunks.SIZE) {
                if (count == 8) {
                    gatherEight(draws[c], p, from, t, n - t > Chunks.SIZE ? t + Chunks.SIZE : n, out, c * n);
                } else {
                    gather(draws[c], p, from, count, t, n - t > Chunks.SIZE ? t + Chunks.SIZE : n, out, c * n);
                }
            }
        }
        for (int b = 0; b < count; b++) {
            into[b].fillSplit();
        }
    }

    /** Draws {@code t0 .. t1 - 1} of coordinates {@code from .. from + 7} of one chain, to {@code out[b][o + t]}. */
    private static void gatherEight(double[] chain, int p, int from, int t0, int t1, double[][] out, int o) {
        double[] o0 = out[0];
        double[] o1 = out[1];
        double[] o2 = out[2];
        double[] o3 = out[3];
        double[] o4 = out[4];
        double[] o5 = out[5];
        double[] o6 = out[6];
        double[] o7 = out[7];
        for (int t = t0; t < t1; t++) {
            int row = t * p + from;
            o0[o + t] = chain[row];
            o1[o + t] = chain[row + 1];
            o2[o + t] = chain[row + 2];
            o3[o + t] = chain[row + 3];
            o4[o + t] = chain[row + 4];
            o5[o + t] = chain[row + 5];
            o6[o + t] = chain[row + 6];
            o7[o + t] = chain[row + 7];
        }
    }

    /** The same for {@code count} coordinates. */
    private static void gather(double[] chain, int p, int from, int count, int t0, int t1, double[][] out, int o) {
        for (int t = t0; t < t1; t++) {
            int row = t * p + from;
            for (int b = 0; b < count; b++) {
                out[b][o + t] = chain[row + b];
            }
        }
    }

    /** Coordinates {@code from .. from + count - 1} of interleaved draws, in new arrays. */
    static SplitDraws[] ofInterleaved(double[][] draws, int p, int from, int count) {
        SplitDraws[] out = new SplitDraws[count];
        for (int b = 0; b < count; b++) {
            out[b] = new SplitDraws(draws.length, draws[0].length / p);
        }
        ofInterleaved(draws, p, from, count, out);
        return out;
    }

    private void fillSplit() {
        if (original == split) {
            return;
        }
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
