package org.workbench.task.bayesianlinearregression;

import java.util.Arrays;

import org.workbench.api.Plot;
import org.workbench.api.Progress;
import org.workbench.api.ResultTree;
import org.workbench.api.TaskContext;
import org.workbench.api.linear.LassoProblem;
import org.workbench.api.linear.MapEstimate;
import org.workbench.api.linear.MapSolver;

/**
 * The MAP over a grid of prior scales tau (every coordinate the same tau, the prior's location
 * kept), solved from the largest tau down with warm starts, and the exact
 * tau_critical = sigma^2 / ||X^T (y - X mu)||_inf at and below which every entry equals mu.
 * Writes {@code tauPath.{tau, w, objective, entriesAtLocation}}, {@code tauCritical} and the plot
 * {@code coefficient-path}.
 */
final class TauPath {
    private static final int MAX_PLOTTED = 30;
    private final double[] grid;

    TauPath(double[] grid) {
        this.grid = grid.clone();
        Arrays.sort(this.grid);
    }

    /**
     * Solves for every tau from the largest down, each warm-started at the previous solution. Between
     * two taus (a safe point) a newer version of the optimizer is taken when the descriptor allows
     * hot swaps; the solvers are stateless, the warm start carries over.
     */
    void run(TaskContext context, LassoProblem problem, MapSolver solver) {
        int p = problem.columns();
        int k = grid.length;
        double[][] w = new double[k][];
        double[] objective = new double[k];
        double[] atLocation = new double[k];
        double[] start = null;
        try (Progress progress = context.progress("tau path", k)) {
            MapSolver current = solver;
            for (int i = k - 1; i >= 0; i--) {
                if (i < k - 1) {
                    current = context.newerComponent(Roles.OPTIMIZER).orElse(current);
                }
                LassoProblem atTau = problem.withScale(grid[i]);
                MapEstimate estimate = current.solve(atTau, start);
                w[i] = estimate.w();
                start = w[i];
                objective[i] = estimate.objective();
                int count = 0;
                for (int j = 0; j < p; j++) {
                    if (w[i][j] == problem.location(j)) {
                        count++;
                    }
                }
                atLocation[i] = count;
                progress.update(k - i, "tau " + grid[i] + ": " + (p - count) + " of " + p + " entries away from mu");
            }
        }
        double correlation = Vectors.correlationWithLocationResidual(problem.data(), problem.location());
        ResultTree results = context.results();
        results.put("tauPath.tau", grid);
        results.put("tauPath.w", w);
        results.put("tauPath.objective", objective);
        results.put("tauPath.entriesAtLocation", atLocation);
        if (correlation > 0) {
            results.put("tauCritical", problem.noiseVariance() / correlation);
        } else {
            results.undefined("tauCritical", "X^T (y - X mu) = 0: every tau puts the MAP at mu");
        }
        context.plot(plot(problem, w, correlation));
    }

    private Plot plot(LassoProblem problem, double[][] w, double correlation) {
        Plot.Builder plot = Plot.builder("coefficient-path")
                .title("MAP coefficients against the prior scale τ")
                .xLabel("τ (log scale)")
                .yLabel("w_MAP,j")
                .logX(true);
        int p = problem.columns();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < Math.min(p, MAX_PLOTTED); j++) {
            double[] path = new double[grid.length];
            for (int i = 0; i < grid.length; i++) {
                path[i] = w[i][j];
                lo = Math.min(lo, path[i]);
                hi = Math.max(hi, path[i]);
            }
            plot.line("w" + (j + 1), grid, path);
        }
        if (correlation > 0) {
            double critical = problem.noiseVariance() / correlation;
            plot.line("τ_critical", new double[] {critical, critical}, new double[] {lo, hi});
        }
        return plot.build();
    }
}
