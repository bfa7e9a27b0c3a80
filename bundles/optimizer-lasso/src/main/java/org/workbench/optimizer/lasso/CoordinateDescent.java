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
 * At tight tolerances the certified duality gap is checked against the target after a full pass
 * whose decrease is below it; at loose ones (at least {@link #LOOSE}) after any pass, full or
 * active, that {@link GapForecast} expects to have reached it (or, when the forecast has no rate
 * to go by, after a full pass whose decrease is below the target). The dot products and axpys run
 * on {@link LassoKernels} chosen by {@link KernelChoice} (vector or scalar, the same numbers).
 * Before a gap is accepted at a tight
 * tolerance the residual is recomputed from scratch ({@link #acceptedGap}). Stops when
 * gap <= tolerance * max(1, F). Stateless between calls.
 */
final class CoordinateDescent implements MapSolver {
    private final double tolerance;
    private final long maxIterations;
    private final KernelChoice kernels;

    /** @param kernels makes each solve's kernels ({@link KernelChoice#FASTEST}, or a route forced by a test) */
    CoordinateDescent(double tolerance, long maxIterations, KernelChoice kernels) {
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.kernels = kernels;
    }

    @Override
    public MapEstimate solve(LassoProblem problem, double[] start) {
        LassoWorkspace ws = new LassoWorkspace(problem, kernels.forRows(problem.rows()));
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
        boolean loose = tolerance >= LOOSE;
        GapForecast forecast = new GapForecast();
        solving:
        while (passes < maxIterations) {
            double decrease = sweep(ws, all, p, norms, d, r);
            passes++;
            double target = tolerance * Math.max(1, Math.abs(ws.objective(d, r)));
            boolean due = forecast.due(decrease, target);
            // at a loose target the forecast decides (a check is a pass over X), falling back on the decrease
            // when it has no rate to judge by; at a tight one a small decrease does
            if (loose ? due || (decrease <= target && !forecast.judges()) : decrease <= target) {
                gap = ws.dualityGap(d, r);
                forecast.checked(gap);
                if (decrease <= target && gap > target && gap > 0) {
                    // the gap is first order in the coordinates' distance from optimality, the decrease second
                    // order: passes whose decrease is below the target can leave a gap far above it, so the
                    // active passes go on until their decrease is smaller by the square of the shortfall
                    innerScale = Math.min(innerScale, 0.1 * (decrease / target) * (target / gap) * (target / gap));
                }
                if (gap <= target) {
                    gap = acceptedGap(ws, passes, d, r, gap);
                    if (gap >= 0) {
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
                if (loose && forecast.due(innerDecrease, target)) {
                    // at a loose target the active passes can reach it well before their decrease is small
                    double innerGap = ws.dualityGap(d, r);
                    forecast.checked(innerGap);
                    if (innerGap <= tolerance * Math.max(1, Math.abs(ws.objective(d, r)))) {
                        innerGap = acceptedGap(ws, passes, d, r, innerGap);
                        if (innerGap >= 0) {
                            gap = innerGap;
                            converged = true;
                            break solving;
                        }
                    }
                }
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
     * Relative tolerances from which a target counts as loose (scikit-learn's default tol = 1e-4 gives
     * 1e-4 to 1e-2 here): then the gap is checked when {@link GapForecast} expects it below the
     * target, which can be before a pass's decrease is below it (at such targets a check, one read
     * of X, costs less than the passes that waiting for a small decrease makes) or well after (the
     * decrease, second order, falls below the target passes before the gap, first order, does: of
     * the checks that a small decrease called for at tau = 1, five of seven found the gap still 5-25
     * times the target).
     */
    static final double LOOSE = 1e-6;

    /**
     * The gap to stop with, given {@code gap} (below the target) at d with the updated residual r; or
     * -1 when it does not stand. At tight tolerances (below 1000 passes n ulp(1), a bound with margin
     * on the rounding that the residual's updates accumulate) the residual is first recomputed from
     * scratch (a pass over X) and the gap with it (another) must be below the target too; at looser
     * ones the rounding is far below the target and the updated residual's gap stands.
     */
    private double acceptedGap(LassoWorkspace ws, long passes, double[] d, double[] r, double gap) {
        if (tolerance > 1000.0 * passes * ws.n * Math.ulp(1.0)) {
            return gap;
        }
        ws.residual(d, r);
        double fresh = ws.dualityGap(d, r);
        return fresh <= tolerance * Math.max(1, Math.abs(ws.objective(d, r))) ? fresh : -1;
    }

    /**
     * When a gap check is worth its pass over X. Coordinate descent converges about linearly, so
     * with rate q = (this pass's decrease) / (the last one's) the objective is still about
     * E = decrease q / (1 - q) above its minimum. The gap is first order in the distance from the
     * optimum (the dual point is the residual scaled, not the dual optimum), E second order, so the
     * gap is forecast as c sqrt(E), c = gap / sqrt(E) learnt from the last check; before any check,
     * as E. Measured at N = 10,000, p = 1,000 and scikit-learn's loose gaps: c stayed within a
     * factor 4 over a solve where gap / E grew 300-fold, so the checks that found the gap still
     * far above the target (five of seven at tau = 1) are left out.
     */
    static final class GapForecast {
        private double previousDecrease = Double.NaN;
        private double estimate = Double.NaN;
        private double scale = Double.NaN;

        boolean due(double decrease, double target) {
            double q = decrease / previousDecrease;
            previousDecrease = decrease;
            if (!(q > 0 && q < 1)) {
                estimate = Double.NaN;
                return false;
            }
            estimate = decrease * q / (1 - q);
            // the gap bounds F - min F, so it is never forecast below E
            return (Double.isNaN(scale) ? estimate : Math.max(estimate, scale * Math.sqrt(estimate))) <= target;
        }

        /** Whether the last {@link #due} had a rate to forecast from (else it said no for want of one). */
        boolean judges() {
            return !Double.isNaN(estimate);
        }

        void checked(double gap) {
            if (estimate > 0) {
                scale = gap / Math.sqrt(estimate);
            }
        }
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
        LassoKernels kernels = ws.kernels;
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
            double rho = kernels.dot(columns, offset, r, n) + nj * old;
            double next = LassoKernels.soft(rho, penalty[j]) / nj;
            if (next != old) {
                double change = next - old;
                kernels.axpy(-change, columns, offset, r, n);
                d[j] = next;
                decrease += 0.5 * nj * change * change;
            }
        }
        return decrease / ws.noiseVariance;
    }

    /**
     * The solver, its tolerance and its kernels' route, e.g. {@code coordinate-descent (tolerance 1e-10,
     * maxIterations 100000, kernels vector (4 doubles) from 512 rows, scalar below)}: which route a
     * solve takes depends on the JVM and the number of rows ({@link KernelChoice}), not on the descriptor.
     */
    @Override
    public String toString() {
        return "coordinate-descent (tolerance " + tolerance + ", maxIterations " + maxIterations + ", kernels "
                + kernels.describe() + ")";
    }
}
