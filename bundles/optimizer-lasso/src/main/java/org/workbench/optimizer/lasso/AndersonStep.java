package org.workbench.optimizer.lasso;

/**
 * Anderson extrapolation of coordinate descent on a fixed active set (Bertrand and Massias,
 * "Anderson acceleration of coordinate descent", AISTATS 2021): after every {@link #DEPTH} passes,
 * the combination {@code sum_k c_k d_k} of the last iterates whose differences combine to the
 * smallest vector ({@code c} sums to 1) is tried, and kept only when it lowers the objective.
 * The residual needs no pass over X: r = y' - X d is affine in d, so the combination's residual is
 * {@code sum_k c_k r_k}. Keeps {@link #DEPTH} + 1 iterates of the active coordinates and of r;
 * reused across the active sets of one solve. Not thread-safe.
 */
final class AndersonStep {
    /** Iterates per extrapolation. */
    static final int DEPTH = 5;
    private final double[][] iterates;
    private final double[][] residuals;
    private final double[] combined;
    private final double[] combinedResidual;
    private int count;
    private int stored;

    AndersonStep(int p, int n) {
        iterates = new double[DEPTH + 1][p];
        residuals = new double[DEPTH + 1][n];
        combined = new double[p];
        combinedResidual = new double[n];
    }

    /** Starts afresh on the active set of {@code count} coordinates, from iterate {@code d} with residual {@code r}. */
    void restart(int[] active, int count, double[] d, double[] r) {
        this.count = count;
        stored = 0;
        store(active, d, r);
    }

    /**
     * Records the iterate after a pass; after {@link #DEPTH} passes, extrapolates and, when that
     * lowers the objective, writes the extrapolated point into {@code d} and {@code r} (and
     * starts the next round from it).
     *
     * @return whether {@code d} and {@code r} were replaced
     */
    boolean afterPass(LassoWorkspace ws, int[] active, double[] d, double[] r) {
        store(active, d, r);
        if (stored <= DEPTH) {
            return false;
        }
        boolean better = extrapolate(ws, active, d, r);
        stored = 0;
        store(active, d, r);
        return better;
    }

    private void store(int[] active, double[] d, double[] r) {
        double[] it = iterates[stored];
        for (int k = 0; k < count; k++) {
            it[k] = d[active[k]];
        }
        System.arraycopy(r, 0, residuals[stored], 0, r.length);
        stored++;
    }

    private boolean extrapolate(LassoWorkspace ws, int[] active, double[] d, double[] r) {
        int m = DEPTH;
        double[][] gram = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b <= a; b++) {
                double s = 0;
                for (int k = 0; k < count; k++) {
                    s += (iterates[a + 1][k] - iterates[a][k]) * (iterates[b + 1][k] - iterates[b][k]);
                }
                gram[a][b] = s;
                gram[b][a] = s;
            }
        }
        double[] z = solveWithOnes(gram);
        if (z == null) {
            return false;
        }
        double sum = 0;
        for (double v : z) {
            sum += v;
        }
        if (!(Math.abs(sum) > 0) || !Double.isFinite(sum)) {
            return false;
        }
        java.util.Arrays.fill(combined, 0, count, 0);
        java.util.Arrays.fill(combinedResidual, 0);
        for (int a = 0; a < m; a++) {
            double c = z[a] / sum;
            double[] it = iterates[a + 1];
            for (int k = 0; k < count; k++) {
                combined[k] += c * it[k];
            }
            ws.kernels.axpy(c, residuals[a + 1], 0, combinedResidual, combinedResidual.length);
        }
        double now = activeObjective(ws, active, d, r, null);
        double then = activeObjective(ws, active, combined, combinedResidual, combined);
        if (!(then < now)) {
            return false;
        }
        for (int k = 0; k < count; k++) {
            d[active[k]] = combined[k];
        }
        System.arraycopy(combinedResidual, 0, r, 0, r.length);
        return true;
    }

    /** 1/2 ||r||^2 + sum over the active set of lambda_j |d_j| (the rest of d is the same for both points). */
    private double activeObjective(LassoWorkspace ws, int[] active, double[] d, double[] r, double[] compact) {
        double s = 0;
        for (int k = 0; k < count; k++) {
            double v = compact != null ? compact[k] : d[active[k]];
            s += ws.penalty[active[k]] * Math.abs(v);
        }
        return 0.5 * ws.kernels.dot(r, 0, r, r.length) + s;
    }

    /**
     * z with G z = 1 for the small symmetric positive semi-definite G, by Cholesky with a ridge of
     * 1e-10 of its trace (the differences are nearly dependent when the iterates converge);
     * {@code null} when G is zero or not usable.
     */
    static double[] solveWithOnes(double[][] g) {
        int m = g.length;
        double trace = 0;
        for (int i = 0; i < m; i++) {
            trace += g[i][i];
        }
        if (!(trace > 0) || !Double.isFinite(trace)) {
            return null;
        }
        double ridge = 1e-10 * trace;
        double[][] l = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double s = g[i][j] + (i == j ? ridge : 0);
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] z = new double[m];
        for (int i = 0; i < m; i++) {
            double s = 1;
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        for (int i = m - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < m; k++) {
                s -= l[k][i] * z[k];
            }
            z[i] = s / l[i][i];
        }
        return z;
    }
}
