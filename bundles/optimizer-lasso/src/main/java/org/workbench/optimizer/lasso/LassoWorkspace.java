package org.workbench.optimizer.lasso;

import org.workbench.api.linear.LassoProblem;

/**
 * The lasso form of a {@link LassoProblem} in the shifted variable d = w - mu, which both solvers
 * share: minimise 1/2 ||y' - X d||^2 + sum_j lambda_j |d_j| with y' = y - X mu and
 * lambda_j = sigma^2 / tau_j (the MAP objective times sigma^2). Holds X column-major (one
 * contiguous column per coordinate, for coordinate updates) and the certified duality gap.
 * Its {@link #kernels} are the dot product and axpy every pass goes through.
 * Not thread-safe; one solve owns one workspace.
 */
final class LassoWorkspace {
    final int n;
    final int p;
    final double noiseVariance;
    /** Column-major copy of X: column j at [j * n, (j + 1) * n). */
    final double[] columns;
    /** y - X mu. */
    final double[] shiftedTargets;
    /** ||x_j||^2, column by column. */
    final double[] squaredNorms;
    /** lambda_j = sigma^2 / tau_j. */
    final double[] penalty;
    final double[] location;
    /** The dense kernels of this solve (their scratch is this workspace's). */
    final LassoKernels kernels;

    LassoWorkspace(LassoProblem problem, LassoKernels kernels) {
        this.kernels = kernels;
        n = problem.rows();
        p = problem.columns();
        noiseVariance = problem.noiseVariance();
        double[] x = problem.data().features();
        double[] y = problem.data().targets();
        columns = new double[n * p];
        squaredNorms = new double[p];
        transpose(x, columns, squaredNorms, n, p);
        location = problem.location();
        penalty = new double[p];
        for (int j = 0; j < p; j++) {
            penalty[j] = problem.penalty(j);
        }
        shiftedTargets = y.clone();
        for (int j = 0; j < p; j++) {
            double m = location[j];
            if (m != 0) {
                kernels.axpy(-m, columns, j * n, shiftedTargets, n);
            }
        }
    }

    /** Rows and columns of the tiles of the transpose: 32 x 32 doubles, 8 KB, stay in the first-level cache. */
    private static final int TILE = 32;

    /**
     * Writes the row-major n x p matrix {@code x} column-major into {@code columns}, tile by tile (a
     * row-by-row copy writes each element a column's length away from the previous one, a page apart
     * at n = 10,000), and the squared norm of each column into {@code norms} on the way.
     */
    static void transpose(double[] x, double[] columns, double[] norms, int n, int p) {
        for (int i0 = 0; i0 < n; i0 += TILE) {
            int i1 = Math.min(n, i0 + TILE);
            for (int j0 = 0; j0 < p; j0 += TILE) {
                int j1 = Math.min(p, j0 + TILE);
                for (int j = j0; j < j1; j++) {
                    int to = j * n;
                    double s = 0;
                    for (int i = i0; i < i1; i++) {
                        double v = x[i * p + j];
                        columns[to + i] = v;
                        s += v * v;
                    }
                    norms[j] += s;
                }
            }
        }
    }

    /** d = start - mu, or 0 when {@code start} is null; writes {@code d}. */
    void initialShift(double[] start, double[] d) {
        for (int j = 0; j < p; j++) {
            d[j] = start == null ? 0 : start[j] - location[j];
        }
    }

    /** w = mu + d as a new array. */
    double[] weights(double[] d) {
        double[] w = new double[p];
        for (int j = 0; j < p; j++) {
            w[j] = location[j] + d[j];
        }
        return w;
    }

    /** r = y' - X d; overwrites {@code residual}. */
    void residual(double[] d, double[] residual) {
        System.arraycopy(shiftedTargets, 0, residual, 0, n);
        for (int j = 0; j < p; j++) {
            if (d[j] != 0) {
                kernels.axpy(-d[j], columns, j * n, residual, n);
            }
        }
    }

    /** The MAP objective F = (1/2 ||r||^2 + sum lambda_j |d_j|) / sigma^2 for residual r = y' - X d. */
    double objective(double[] d, double[] residual) {
        double penaltySum = 0;
        for (int j = 0; j < p; j++) {
            penaltySum += penalty[j] * Math.abs(d[j]);
        }
        return (0.5 * kernels.dot(residual, 0, residual, n) + penaltySum) / noiseVariance;
    }

    /**
     * A certified bound on F(w) - min F at d with residual r = y' - X d, from the dual point
     * theta = s r, s = min(1, min_j lambda_j / |x_j^T r|). Written as
     * 1/2 (1 - s)^2 ||r||^2 + sum_j (lambda_j |d_j| - s d_j x_j^T r), which avoids the cancellation
     * of primal minus dual at large objectives; divided by sigma^2. Reads its arguments only.
     */
    double dualityGap(double[] d, double[] residual) {
        double s = 1;
        double mixed = 0;
        double penaltySum = 0;
        for (int j = 0; j < p; j++) {
            double c = kernels.dot(columns, j * n, residual, n);
            double a = Math.abs(c);
            if (a * s > penalty[j]) {
                s = penalty[j] / a;
            }
            mixed += d[j] * c;
            penaltySum += penalty[j] * Math.abs(d[j]);
        }
        double rr = kernels.dot(residual, 0, residual, n);
        double gap = 0.5 * (1 - s) * (1 - s) * rr + penaltySum - s * mixed;
        return Math.max(0, gap) / noiseVariance;
    }
}
