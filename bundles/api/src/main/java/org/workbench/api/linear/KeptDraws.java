package org.workbench.api.linear;

/**
 * A sampler's draws kept for trace and rank plots: every chain thinned to at most {@code limit}
 * draws by keeping every {@code thin}-th one. Arrays are copied in and out.
 *
 * @param thin   the stride between kept draws (1 keeps every draw)
 * @param draws  {@code draws[c][j][t]}: chain c, coordinate j, kept draw t
 * @since 1.2
 */
public record KeptDraws(int thin, double[][][] draws) {
    /** The most draws per chain that samplers keep. */
    public static final int LIMIT = 1000;

    public KeptDraws {
        if (thin < 1) {
            throw new IllegalArgumentException("thin must be at least 1, got " + thin);
        }
        draws = copy(draws);
    }

    @Override
    public double[][][] draws() {
        return copy(draws);
    }

    public int chains() {
        return draws.length;
    }

    public int coordinates() {
        return draws.length == 0 ? 0 : draws[0].length;
    }

    /** Thins chains stored interleaved ({@code all[c][t * p + j]}) to at most {@link #LIMIT} draws each. */
    public static KeptDraws thinned(double[][] all, int p) {
        int iterations = all.length == 0 ? 0 : all[0].length / p;
        int thin = Math.max(1, (iterations + LIMIT - 1) / LIMIT);
        int kept = (iterations + thin - 1) / thin;
        double[][][] out = new double[all.length][p][kept];
        for (int c = 0; c < all.length; c++) {
            for (int t = 0, k = 0; t < iterations; t += thin, k++) {
                for (int j = 0; j < p; j++) {
                    out[c][j][k] = all[c][t * p + j];
                }
            }
        }
        return new KeptDraws(thin, out);
    }

    private static double[][][] copy(double[][][] d) {
        double[][][] c = new double[d.length][][];
        for (int i = 0; i < d.length; i++) {
            c[i] = new double[d[i].length][];
            for (int j = 0; j < d[i].length; j++) {
                c[i][j] = d[i][j].clone();
            }
        }
        return c;
    }
}
