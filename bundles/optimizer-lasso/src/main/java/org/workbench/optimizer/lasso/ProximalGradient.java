package org.workbench.optimizer.lasso;

import org.workbench.api.linear.LassoProblem;
import org.workbench.api.linear.MapEstimate;
import org.workbench.api.linear.MapSolver;

/**
 * Accelerated proximal gradient (FISTA) with backtracking on the Lipschitz constant and
 * gradient-based adaptive restart (O'Donoghue and Candes 2015), in the shifted variable
 * d = w - mu. The step's prox is soft thresholding at lambda_j / L. Each step costs one product
 * with X^T (the gradient) and one with X (the image of the step, which also checks the Lipschitz
 * bound without cancellation); products at the extrapolated point are combined from the last two
 * and recomputed from scratch at every gap check.
 * The certified duality gap is checked every {@value #CHECK_EVERY} steps and at the end; stops
 * when gap <= tolerance * max(1, F). Stateless between calls.
 */
final class ProximalGradient implements MapSolver {
    private static final int CHECK_EVERY = 10;
    private static final int POWER_ITERATIONS = 30;
    private final double tolerance;
    private final long maxIterations;
    private final KernelChoice kernels;

    /** @param kernels makes each solve's kernels ({@link KernelChoice#FASTEST}, or a route forced by a test) */
    ProximalGradient(double tolerance, long maxIterations, KernelChoice kernels) {
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.kernels = kernels;
    }

    @Override
    public MapEstimate solve(LassoProblem problem, double[] start) {
        LassoWorkspace ws = new LassoWorkspace(problem, kernels.forRows(problem.rows()));
        int n = ws.n;
        int p = ws.p;
        double[] x = new double[p];
        ws.initialShift(start, x);
        double[] xPrevious = x.clone();
        double[] extrapolated = new double[p];
        double[] next = new double[p];
        double[] gradient = new double[p];
        double[] step = new double[p];
        double[] xx = new double[n];
        multiply(ws, x, xx);
        double[] xxPrevious = xx.clone();
        double[] xExtrapolated = new double[n];
        double[] xNext = new double[n];
        double[] residual = new double[n];
        double lipschitz = Math.max(largestEigenvalue(ws), Double.MIN_NORMAL);
        double t = 1;
        double beta = 0;
        long steps = 0;
        double gap = Double.POSITIVE_INFINITY;
        boolean converged = false;
        while (steps < maxIterations) {
            for (int j = 0; j < p; j++) {
                extrapolated[j] = x[j] + beta * (x[j] - xPrevious[j]);
            }
            for (int i = 0; i < n; i++) {
                xExtrapolated[i] = xx[i] + beta * (xx[i] - xxPrevious[i]);
                residual[i] = xExtrapolated[i] - ws.shiftedTargets[i];
            }
            for (int j = 0; j < p; j++) {
                gradient[j] = ws.kernels.dot(ws.columns, j * n, residual, n);
            }
            while (true) {
                double stepNormSq = 0;
                for (int j = 0; j < p; j++) {
                    next[j] = LassoKernels.soft(extrapolated[j] - gradient[j] / lipschitz, ws.penalty[j] / lipschitz);
                    double dj = next[j] - extrapolated[j];
                    stepNormSq += dj * dj;
                }
                if (stepNormSq == 0) {
                    System.arraycopy(xExtrapolated, 0, xNext, 0, n);
                    break;
                }
                for (int j = 0; j < p; j++) {
                    step[j] = next[j] - extrapolated[j];
                }
                multiply(ws, step, xNext);
                double imageNormSq = ws.kernels.dot(xNext, 0, xNext, n);
                for (int i = 0; i < n; i++) {
                    xNext[i] += xExtrapolated[i];
                }
                // f(next) <= f(y) + grad^T (next - y) + L/2 ||next - y||^2  <=>  ||X (next - y)||^2 <= L ||next - y||^2
                if (imageNormSq <= lipschitz * stepNormSq) {
                    break;
                }
                lipschitz *= 2;
            }
            steps++;
            double restartTest = 0;
            for (int j = 0; j < p; j++) {
                restartTest += (extrapolated[j] - next[j]) * (next[j] - x[j]);
            }
            double[] swap = xPrevious;
            xPrevious = x;
            x = next;
            next = swap;
            swap = xxPrevious;
            xxPrevious = xx;
            xx = xNext;
            xNext = swap;
            if (restartTest > 0) {
                t = 1;
                beta = 0;
            } else {
                double tNext = 0.5 * (1 + Math.sqrt(1 + 4 * t * t));
                beta = (t - 1) / tNext;
                t = tNext;
            }
            if (steps % CHECK_EVERY == 0 || steps == maxIterations) {
                ws.residual(x, residual);
                gap = ws.dualityGap(x, residual);
                if (gap <= tolerance * Math.max(1, Math.abs(ws.objective(x, residual)))) {
                    converged = true;
                    break;
                }
                // X x and X xPrevious were updated by steps; recompute them so rounding cannot drift
                multiply(ws, x, xx);
                multiply(ws, xPrevious, xxPrevious);
            }
        }
        ws.residual(x, residual);
        if (!converged) {
            gap = ws.dualityGap(x, residual);
        }
        return new MapEstimate(ws.weights(x), ws.objective(x, residual), gap, steps, converged);
    }

    /** out = X v; overwrites {@code out}. */
    private static void multiply(LassoWorkspace ws, double[] v, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int j = 0; j < ws.p; j++) {
            if (v[j] != 0) {
                ws.kernels.axpy(v[j], ws.columns, j * ws.n, out, ws.n);
            }
        }
    }

    /** An estimate of the largest eigenvalue of X^T X by power iteration from a fixed start; backtracking corrects an underestimate. */
    private static double largestEigenvalue(LassoWorkspace ws) {
        int n = ws.n;
        int p = ws.p;
        double[] v = new double[p];
        java.util.Arrays.fill(v, 1 / Math.sqrt(Math.max(p, 1)));
        double[] image = new double[n];
        double estimate = 0;
        for (int k = 0; k < POWER_ITERATIONS; k++) {
            multiply(ws, v, image);
            double norm = 0;
            for (int j = 0; j < p; j++) {
                v[j] = ws.kernels.dot(ws.columns, j * n, image, n);
                norm += v[j] * v[j];
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return 0;
            }
            estimate = norm;
            for (int j = 0; j < p; j++) {
                v[j] /= norm;
            }
        }
        return estimate;
    }

    /**
     * The solver, its tolerance and its kernels' route, e.g. {@code proximal-gradient (tolerance 1e-10,
     * maxIterations 100000, kernels vector (4 doubles) from 512 rows, scalar below)}: which route a
     * solve takes depends on the JVM and the number of rows ({@link KernelChoice}), not on the descriptor.
     */
    @Override
    public String toString() {
        return "proximal-gradient (tolerance " + tolerance + ", maxIterations " + maxIterations + ", kernels "
                + kernels.describe() + ")";
    }
}
