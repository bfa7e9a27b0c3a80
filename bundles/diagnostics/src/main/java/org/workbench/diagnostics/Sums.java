package org.workbench.diagnostics;

/**
 * Sums over a stretch of an array in four interleaved partial sums, which the CPU adds
 * independently instead of each addition waiting for the one before (four times the throughput of
 * a running sum, with the same rounding error bound), and running sums in order. Each loop runs by
 * {@link Chunks} in a small kernel that carries its partial sums from chunk to chunk, so the numbers
 * are the same as one loop's.
 */
final class Sums {
    private Sums() {
    }

    /** The sum of {@code x[from .. from + n)}. */
    static double of(double[] x, int from, int n) {
        double[] s = new double[4];
        int end = from + n;
        int blocked = from + (n & ~3);
        for (int i = from; i < blocked; i += Chunks.SIZE) {
            addBlocks(x, i, blocked - i > Chunks.SIZE ? i + Chunks.SIZE : blocked, s);
        }
        for (int i = blocked; i < end; i++) {
            s[0] += x[i];
        }
        return (s[0] + s[1]) + (s[2] + s[3]);
    }

    private static void addBlocks(double[] x, int from, int to, double[] s) {
        double s0 = s[0];
        double s1 = s[1];
        double s2 = s[2];
        double s3 = s[3];
        for (int i = from; i < to; i += 4) {
            s0 += x[i];
            s1 += x[i + 1];
            s2 += x[i + 2];
            s3 += x[i + 3];
        }
        s[0] = s0;
        s[1] = s1;
        s[2] = s2;
        s[3] = s3;
    }

    /** The sum of {@code (x[i] - mean)^2} over {@code x[from .. from + n)}. */
    static double squaredDeviations(double[] x, int from, int n, double mean) {
        double[] s = new double[4];
        int end = from + n;
        int blocked = from + (n & ~3);
        for (int i = from; i < blocked; i += Chunks.SIZE) {
            addSquaredBlocks(x, i, blocked - i > Chunks.SIZE ? i + Chunks.SIZE : blocked, mean, s);
        }
        for (int i = blocked; i < end; i++) {
            double d = x[i] - mean;
            s[0] += d * d;
        }
        return (s[0] + s[1]) + (s[2] + s[3]);
    }

    private static void addSquaredBlocks(double[] x, int from, int to, double mean, double[] s) {
        double s0 = s[0];
        double s1 = s[1];
        double s2 = s[2];
        double s3 = s[3];
        for (int i = from; i < to; i += 4) {
            double d0 = x[i] - mean;
            double d1 = x[i + 1] - mean;
            double d2 = x[i + 2] - mean;
            double d3 = x[i + 3] - mean;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        s[0] = s0;
        s[1] = s1;
        s[2] = s2;
        s[3] = s3;
    }

    /** The running sum {@code x[from] + x[from + 1] + ...} over {@code n} values, added in order. */
    static double running(double[] x, int from, int n) {
        double s = 0;
        int end = from + n;
        for (int i = from; i < end; i += Chunks.SIZE) {
            s = runningChunk(x, i, end - i > Chunks.SIZE ? i + Chunks.SIZE : end, s);
        }
        return s;
    }

    private static double runningChunk(double[] x, int from, int to, double s) {
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return s;
    }
}
