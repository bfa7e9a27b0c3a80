package org.workbench.diagnostics;

/**
 * Convergence diagnostics of several chains of one scalar quantity, following Vehtari, Gelman,
 * Simpson, Carpenter and Buerkner (2021), "Rank-normalization, folding, and localization: an
 * improved R-hat", as implemented in Stan and the R package {@code posterior}:
 * <ul>
 * <li>{@link #rhat}: the larger of the split R-hat of the rank-normalised draws and of the
 * rank-normalised folded draws |x - median|;</li>
 * <li>{@link #essBulk}: the ESS of the rank-normalised split chains (Geyer's initial monotone
 * sequence on the multi-chain autocorrelation);</li>
 * <li>{@link #essTail}: the smaller ESS of the indicators x <= q05 and x <= q95;</li>
 * <li>{@link #mcseMean}: sd / sqrt(ESS of the split chains, not rank-normalised).</li>
 * </ul>
 * Input {@code chains[c][t]}: equally long chains; never modified. Returns NaN when the draws are
 * constant or chains are shorter than 4 draws.
 */
public final class McmcDiagnostics {
    private McmcDiagnostics() {
    }

    /** Rank-normalised split R-hat (the maximum of bulk and folded). */
    public static double rhat(double[][] chains) {
        return new CoordinateDiagnostics(SplitDraws.of(chains)).rhat();
    }

    /** Bulk effective sample size: rank-normalised split chains. */
    public static double essBulk(double[][] chains) {
        return new CoordinateDiagnostics(SplitDraws.of(chains)).essBulk();
    }

    /** Tail effective sample size: the smaller of the ESS of I(x <= q05) and I(x <= q95) on split chains. */
    public static double essTail(double[][] chains) {
        return new CoordinateDiagnostics(SplitDraws.of(chains)).essTail();
    }

    /** Basic effective sample size: split chains, no rank normalisation (for the MCSE of a mean). */
    public static double essBasic(double[][] chains) {
        return new CoordinateDiagnostics(SplitDraws.of(chains)).essBasic();
    }

    /** Monte-Carlo standard error of the mean of all draws: sd / sqrt(ESS basic). */
    public static double mcseMean(double[][] chains) {
        return new CoordinateDiagnostics(SplitDraws.of(chains)).mcseMean();
    }

    /** Each chain cut into halves; with an odd length the middle draw is dropped. */
    static double[][] split(double[][] chains) {
        return SplitDraws.of(chains).splitRows();
    }

    /** Normal scores of the pooled average ranks, Phi^-1((rank - 3/8) / (S + 1/4)), in the chains' shape. */
    static double[][] rankNormalise(double[][] chains) {
        int m = chains.length;
        int n = chains[0].length;
        double[] flat = new double[m * n];
        for (int c = 0; c < m; c++) {
            System.arraycopy(chains[c], 0, flat, c * n, n);
        }
        double[] scores = new double[m * n];
        RankedDraws.of(flat, m * n).normalScores(scores, new NormalScores(m * n));
        double[][] out = new double[m][n];
        for (int c = 0; c < m; c++) {
            System.arraycopy(scores, c * n, out[c], 0, n);
        }
        return out;
    }

    /** R-hat of the given (already split) chains, without rank normalisation. */
    static double basicRhat(double[][] chains) {
        int m = chains.length;
        int n = chains[0].length;
        double[] flat = new double[m * n];
        for (int c = 0; c < m; c++) {
            System.arraycopy(chains[c], 0, flat, c * n, n);
        }
        return basicRhat(flat, m, n);
    }

    /** R-hat of {@code m} (already split) chains of {@code n} draws stored one after another. */
    static double basicRhat(double[] x, int m, int n) {
        if (n < 2) {
            return Double.NaN;
        }
        double[] means = new double[m];
        double within = 0;
        for (int c = 0; c < m; c++) {
            int o = c * n;
            double mean = Sums.of(x, o, n) / n;
            means[c] = mean;
            within += Sums.squaredDeviations(x, o, n, mean) / (n - 1);
        }
        within /= m;
        double between = n * EffectiveSampleSize.sampleVariance(means);
        return Math.sqrt((between / within + n - 1) / n);
    }

    /** Multi-chain ESS of the given (already split or transformed) chains, Geyer's initial monotone sequence. */
    static double ess(double[][] chains) {
        int m = chains.length;
        int n = chains[0].length;
        double[] flat = new double[m * n];
        for (int c = 0; c < m; c++) {
            System.arraycopy(chains[c], 0, flat, c * n, n);
        }
        return EffectiveSampleSize.of(flat, m, n);
    }
}
