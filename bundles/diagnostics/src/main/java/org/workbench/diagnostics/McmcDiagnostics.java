package org.workbench.diagnostics;

import java.util.Arrays;

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
        double[][] split = split(chains);
        double bulk = basicRhat(rankNormalise(split));
        double[][] folded = fold(split);
        double tail = basicRhat(rankNormalise(folded));
        return Math.max(bulk, tail);
    }

    /** Bulk effective sample size: rank-normalised split chains. */
    public static double essBulk(double[][] chains) {
        return ess(rankNormalise(split(chains)));
    }

    /** Tail effective sample size: the smaller of the ESS of I(x <= q05) and I(x <= q95) on split chains. */
    public static double essTail(double[][] chains) {
        double[] pooled = pool(chains);
        Arrays.sort(pooled);
        double lower = quantile(pooled, 0.05);
        double upper = quantile(pooled, 0.95);
        double[][] split = split(chains);
        return Math.min(ess(indicator(split, lower)), ess(indicator(split, upper)));
    }

    /** Basic effective sample size: split chains, no rank normalisation (for the MCSE of a mean). */
    public static double essBasic(double[][] chains) {
        return ess(split(chains));
    }

    /** Monte-Carlo standard error of the mean of all draws: sd / sqrt(ESS basic). */
    public static double mcseMean(double[][] chains) {
        double[] pooled = pool(chains);
        double mean = 0;
        for (double v : pooled) {
            mean += v;
        }
        mean /= pooled.length;
        double ss = 0;
        for (double v : pooled) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (pooled.length - 1));
        return sd / Math.sqrt(essBasic(chains));
    }

    /** Each chain cut into halves; with an odd length the middle draw is dropped. */
    static double[][] split(double[][] chains) {
        int n = chains[0].length;
        int half = n / 2;
        double[][] out = new double[2 * chains.length][];
        for (int c = 0; c < chains.length; c++) {
            if (chains[c].length != n) {
                throw new IllegalArgumentException("chains differ in length");
            }
            out[2 * c] = Arrays.copyOfRange(chains[c], 0, half);
            out[2 * c + 1] = Arrays.copyOfRange(chains[c], n - half, n);
        }
        return out;
    }

    /**
     * Normal scores of the pooled average ranks: Phi^-1((rank - 3/8) / (S + 1/4)), in the chains'
     * shape. Sorts a primitive copy once, gives every run of ties its average rank, and finds each
     * draw's run by binary search (no boxing: this runs for every coordinate of every sampled result).
     */
    static double[][] rankNormalise(double[][] chains) {
        int m = chains.length;
        int n = chains[0].length;
        int s = m * n;
        double[] sorted = new double[s];
        for (int c = 0; c < m; c++) {
            System.arraycopy(chains[c], 0, sorted, c * n, n);
        }
        Arrays.sort(sorted);
        double[] scoreAt = new double[s];
        int k = 0;
        while (k < s) {
            int end = k;
            while (end + 1 < s && Double.compare(sorted[end + 1], sorted[k]) == 0) {
                end++;
            }
            double rank = 0.5 * (k + end) + 1;
            double score = NormalQuantile.of((rank - 0.375) / (s + 0.25));
            for (int t = k; t <= end; t++) {
                scoreAt[t] = score;
            }
            k = end + 1;
        }
        double[][] out = new double[m][n];
        for (int c = 0; c < m; c++) {
            for (int t = 0; t < n; t++) {
                out[c][t] = scoreAt[firstIndexOf(sorted, chains[c][t])];
            }
        }
        return out;
    }

    /** The first index of {@code value} in ascending {@code sorted} (which contains it), by Double.compare. */
    private static int firstIndexOf(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Double.compare(sorted[mid], value) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** R-hat of the given (already split) chains, without rank normalisation. */
    static double basicRhat(double[][] chains) {
        int m = chains.length;
        int n = chains[0].length;
        if (n < 2) {
            return Double.NaN;
        }
        double[] means = new double[m];
        double within = 0;
        for (int c = 0; c < m; c++) {
            double mean = 0;
            for (double v : chains[c]) {
                mean += v;
            }
            mean /= n;
            means[c] = mean;
            double ss = 0;
            for (double v : chains[c]) {
                ss += (v - mean) * (v - mean);
            }
            within += ss / (n - 1);
        }
        within /= m;
        double between = n * sampleVariance(means);
        return Math.sqrt((between / within + n - 1) / n);
    }

    /** Multi-chain ESS of the given (already split or transformed) chains, Geyer's initial monotone sequence. */
    static double ess(double[][] chains) {
        int m = chains.length;
        int n = chains[0].length;
        if (n < 4) {
            return Double.NaN;
        }
        double[][] acov = new double[m][];
        double[] means = new double[m];
        double meanVar = 0;
        for (int c = 0; c < m; c++) {
            acov[c] = Autocovariance.of(chains[c], 0, n);
            double mean = 0;
            for (double v : chains[c]) {
                mean += v;
            }
            means[c] = mean / n;
            meanVar += acov[c][0] * n / (n - 1.0);
        }
        meanVar /= m;
        double varPlus = meanVar * (n - 1.0) / n;
        if (m > 1) {
            varPlus += sampleVariance(means);
        }
        if (!(varPlus > 0)) {
            return Double.NaN;
        }
        double[] rho = new double[n];
        rho[0] = 1;
        double rhoEven = 1;
        double rhoOdd = 1 - (meanVar - meanAt(acov, 1)) / varPlus;
        rho[1] = rhoOdd;
        int t = 0;
        while (t < n - 5 && rhoEven + rhoOdd > 0) {
            t += 2;
            rhoEven = 1 - (meanVar - meanAt(acov, t)) / varPlus;
            rhoOdd = 1 - (meanVar - meanAt(acov, t + 1)) / varPlus;
            if (rhoEven + rhoOdd >= 0) {
                rho[t] = rhoEven;
                rho[t + 1] = rhoOdd;
            }
        }
        int maxT = t;
        if (rhoEven > 0) {
            rho[maxT] = rhoEven;
        }
        t = 0;
        while (t <= maxT - 4) {
            t += 2;
            if (rho[t] + rho[t + 1] > rho[t - 2] + rho[t - 1]) {
                rho[t] = 0.5 * (rho[t - 2] + rho[t - 1]);
                rho[t + 1] = rho[t];
            }
        }
        double draws = (double) m * n;
        double sum = 0;
        for (int k = 0; k < maxT; k++) {
            sum += rho[k];
        }
        double tau = -1 + 2 * sum + rho[maxT];
        tau = Math.max(tau, 1 / Math.log10(draws));
        return draws / tau;
    }

    private static double meanAt(double[][] acov, int lag) {
        double s = 0;
        for (double[] a : acov) {
            s += a[lag];
        }
        return s / acov.length;
    }

    private static double sampleVariance(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return ss / (v.length - 1);
    }

    private static double[][] fold(double[][] chains) {
        double[] pooled = pool(chains);
        Arrays.sort(pooled);
        double median = quantile(pooled, 0.5);
        double[][] out = new double[chains.length][];
        for (int c = 0; c < chains.length; c++) {
            out[c] = new double[chains[c].length];
            for (int t = 0; t < out[c].length; t++) {
                out[c][t] = Math.abs(chains[c][t] - median);
            }
        }
        return out;
    }

    private static double[][] indicator(double[][] chains, double threshold) {
        double[][] out = new double[chains.length][];
        for (int c = 0; c < chains.length; c++) {
            out[c] = new double[chains[c].length];
            for (int t = 0; t < out[c].length; t++) {
                out[c][t] = chains[c][t] <= threshold ? 1 : 0;
            }
        }
        return out;
    }

    private static double[] pool(double[][] chains) {
        int total = 0;
        for (double[] c : chains) {
            total += c.length;
        }
        double[] pooled = new double[total];
        int k = 0;
        for (double[] c : chains) {
            System.arraycopy(c, 0, pooled, k, c.length);
            k += c.length;
        }
        return pooled;
    }

    /** The type-7 (R's default) quantile of sorted values. */
    private static double quantile(double[] sorted, double probability) {
        double h = (sorted.length - 1) * probability;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
