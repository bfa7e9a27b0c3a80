package org.workbench.optimizer.lasso;

import org.workbench.api.linear.LassoProblem;
import org.workbench.api.linear.MapEstimate;
import org.workbench.api.linear.MapSolver;

/**
 * Cyclic coordinate descent with residual updates ("naive" updates in glmnet's terms): a coordinate
 * step costs one dot product and one axpy over a contiguous column of X. Passes over all
 * coordinates go on until the support (the coordinates with w_j != mu_j) stays the same for a pass;
 * then they alternate with passes over that active set until the active passes stop decreasing the
 * objective (by a margin that tightens when a gap check shows
 * that the decrease understates the gap), the active passes Anderson-extrapolated every five
 * ({@link AndersonStep}): passes over X bound the time, so the point is to make fewer of them.
 * After a full pass whose decrease is below the target, the certified duality gap is checked
 * against it (recomputing the residual from scratch before accepting). Stops when
 * gap <= tolerance * max(1, F). Stateless between calls.
 */
final class CoordinateDescent implements MapSolver {
    private final double tolerance;
    private final long maxIterations;

    CoordinateDescent(double tolerance, long maxIterations) {
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    @Override
    public MapEstimate solve(LassoProblem problem, double[] start) {
        LassoWorkspace ws = new LassoWorkspace(problem);
        int n = ws.n;
        int p = ws.p;
        double[] d = new double[p];
        ws.initialShift(start, d);
        double[] r = new double[n];
        ws.residual(d, r);
        double[] norms = ws.squaredNorms;
        int[] all = new int[p];
        for (int j = 0; j < p; j++) {
            all[j] = j;
        }
        int[] active = new int[p];
        AndersonStep anderson = new AndersonStep(p, n);
        long passes = 0;
        double gap = Double.POSITIVE_INFINITY;
        boolean converged = false;
        double innerScale = 0.1;
        int supportSize = -1;
        while (passes < maxIterations) {
            double decrease = sweep(ws, all, p, norms, d, r);
            passes++;
            double target = tolerance * Math.max(1, Math.abs(ws.objective(d, r)));
            if (decrease <= target) {
                gap = ws.dualityGap(d, r);
                if (gap > target && gap > 0) {
                    // the gap is first order in the coordinates' distance from optimality, the decrease second
                    // order: passes whose decrease is below the target can leave a gap far above it, so the
                    // active passes go on until their decrease is smaller by the square of the shortfall
                    innerScale = Math.min(innerScale, 0.1 * (decrease / target) * (target / gap) * (target / gap));
                }
                if (gap <= target) {
                    ws.residual(d, r);
                    gap = ws.dualityGap(d, r);
                    if (gap <= target) {
                        converged = true;
                        break;
                    }
                }
            }
            int count = 0;
            boolean supportChanged = false;
            for (int j = 0; j < p; j++) {
                if (d[j] != 0) {
                    supportChanged |= count >= supportSize || active[count] != j;
                    active[count++] = j;
                }
            }
            supportChanged |= count != supportSize;
            supportSize = count;
            if (supportChanged) {
                // full passes (as scikit-learn makes) until the support settles: converging the active
                // coordinates on a support that the next full pass changes costs passes that are thrown away
                continue;
            }
            double innerTarget = innerScale * target;
            anderson.restart(active, count, d, r);
            while (count > 0 && passes < maxIterations) {
                double innerDecrease = sweep(ws, active, count, norms, d, r);
                passes++;
                if (innerDecrease <= innerTarget) {
                    break;
                }
                anderson.afterPass(ws, active, d, r);
            }
        }
        if (!converged) {
            ws.residual(d, r);
            gap = ws.dualityGap(d, r);
        }
        return new MapEstimate(ws.weights(d), ws.objective(d, r), gap, passes, converged);
    }

    /**
     * One pass over {@code order[0..count)}: exact minimisation in each coordinate. Modifies
     * {@code d} and keeps {@code r = y' - X d}. Returns the guaranteed decrease of the MAP objective,
     * the sum of 1/2 ||x_j||^2 (change)^2 / sigma^2.
     */
    private static double sweep(LassoWorkspace ws, int[] order, int count, double[] norms, double[] d, double[] r) {
        int n = ws.n;
        double[] columns = ws.columns;
        double[] penalty = ws.penalty;
        double decrease = 0;
        for (int k = 0; k < count; k++) {
            int j = order[k];
            double nj = norms[j];
            double old = d[j];
            if (nj == 0) {
                d[j] = 0;
                continue;
            }
            int offset = j * n;
            double rho = Kernels.dot(columns, offset, r, n) + nj * old;
            double next = Kernels.soft(rho, penalty[j]) / nj;
            if (next != old) {
                double change = next - old;
                Kernels.axpy(-change, columns, offset, r, n);
                d[j] = next;
                decrease += 0.5 * nj * change * change;
            }
        }
        return decrease / ws.noiseVariance;
    }
}
