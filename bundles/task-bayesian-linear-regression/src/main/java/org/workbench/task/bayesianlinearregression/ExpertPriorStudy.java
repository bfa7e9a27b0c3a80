package org.workbench.task.bayesianlinearregression;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.workbench.api.Dataset;
import org.workbench.api.Plot;
import org.workbench.api.ResultTree;
import org.workbench.api.TaskContext;
import org.workbench.api.linear.LassoProblem;
import org.workbench.api.linear.MapSolver;

/**
 * Question 2.3: what the expert's prior centred at v buys. Replication r draws the true weights
 * near v, w_j = v_j + Laplace(0, spread) (so the v-centred Laplace prior with tau = spread is the
 * true prior), then N rows x ~ N(0, I_p) and y = Xw + N(0, sigma^2), N and p as in the run's data,
 * v and sigma^2 from the run's prior and likelihood. For every tau of the grid it fits, on the same
 * data, the Laplace MAP centred at v, the Laplace MAP centred at 0, and the MAP under the Gaussian
 * prior N(v, 2 tau^2 I) of the same variance as Laplace(v, tau) (ridge towards v, closed form);
 * least squares needs no tau. Each is scored by its squared error ||w_hat - w||^2 to the true w;
 * per tau the mean and standard error over replications go to
 * {@code expertStudy.byTau[i].{tau, laplaceAtV, laplaceAtZero, gaussianAtV, leastSquares}.{mean,stderr}},
 * with {@code laplaceAtVExactlyV} the fraction of replications whose v-centred MAP is exactly v
 * (tau at or below that replication's tau_critical). Replication r uses the r-th stream split off the
 * task's seed, so the numbers do not depend on the thread count.
 */
final class ExpertPriorStudy {
    static final String[] ESTIMATORS = {"laplaceAtV", "laplaceAtZero", "gaussianAtV", "leastSquares"};
    private final int replications;
    private final double[] tauGrid;
    private final double spread;

    ExpertPriorStudy(int replications, double[] tauGrid, double spread) {
        this.replications = replications;
        this.tauGrid = tauGrid.clone();
        this.spread = spread;
    }

    void run(TaskContext context, LassoProblem template, MapSolver solver) {
        int n = template.rows();
        int p = template.columns();
        double sigma2 = template.noiseVariance();
        double[] v = template.location();
        SplittableRandom root = new SplittableRandom(context.seed() ^ 0x2303L);
        SplittableRandom[] streams = new SplittableRandom[replications];
        for (int r = 0; r < replications; r++) {
            streams[r] = root.split();
        }
        int t = tauGrid.length;
        double[][][] error = new double[ESTIMATORS.length][t][replications];
        boolean[][] exactlyV = new boolean[t][replications];
        double[] tauCritical = new double[replications];
        IntStream.range(0, replications).parallel().forEach(r -> {
            SplittableRandom random = streams[r];
            double[] w = new double[p];
            for (int j = 0; j < p; j++) {
                w[j] = v[j] + laplace(random, spread);
            }
            Dataset data = rows(random, n, w, Math.sqrt(sigma2));
            double[] zero = new double[p];
            double[] leastSquares = RidgeTowards.solve(data, zero, 0);
            double ls = Vectors.squaredDistance(leastSquares, w);
            tauCritical[r] = sigma2 / Vectors.correlationWithLocationResidual(data, v);
            for (int i = 0; i < t; i++) {
                double tau = tauGrid[i];
                double[] scale = new double[p];
                java.util.Arrays.fill(scale, tau);
                double[] atV = solver.solve(LassoProblem.of(data, sigma2, v, scale), null).w();
                double[] atZero = solver.solve(LassoProblem.of(data, sigma2, zero, scale), null).w();
                double[] gaussian = RidgeTowards.solve(data, v, sigma2 / (2 * tau * tau));
                error[0][i][r] = Vectors.squaredDistance(atV, w);
                error[1][i][r] = Vectors.squaredDistance(atZero, w);
                error[2][i][r] = Vectors.squaredDistance(gaussian, w);
                error[3][i][r] = ls;
                exactlyV[i][r] = java.util.Arrays.equals(atV, v);
            }
        });
        ResultTree results = context.results();
        results.put("expertStudy.replications", (long) replications);
        results.put("expertStudy.spread", spread);
        results.put("expertStudy.generatingProcess", "w_j = v_j + Laplace(0, spread); x ~ N(0, I_p); y = Xw + N(0, sigma^2);"
                + " N, p, v and sigma^2 from the run's data, prior and likelihood");
        results.put("expertStudy.gaussianPriorVariance", "2 tau^2 (the variance of Laplace(v, tau))");
        results.put("expertStudy.tau", tauGrid);
        double[] tc = Vectors.meanAndStandardError(tauCritical);
        results.put("expertStudy.tauCritical.mean", tc[0]);
        results.put("expertStudy.tauCritical.stderr", tc[1]);
        results.put("expertStudy.tauCritical.min", java.util.Arrays.stream(tauCritical).min().orElseThrow());
        results.put("expertStudy.tauCritical.max", java.util.Arrays.stream(tauCritical).max().orElseThrow());
        double[][] means = new double[ESTIMATORS.length][t];
        double[][] stderrs = new double[ESTIMATORS.length][t];
        for (int i = 0; i < t; i++) {
            ResultTree row = new ResultTree().put("tau", tauGrid[i]);
            for (int e = 0; e < ESTIMATORS.length; e++) {
                double[] ms = Vectors.meanAndStandardError(error[e][i]);
                row.put(ESTIMATORS[e] + ".mean", ms[0]).put(ESTIMATORS[e] + ".stderr", ms[1]);
                means[e][i] = ms[0];
                stderrs[e][i] = ms[1];
            }
            int exact = 0;
            for (boolean b : exactlyV[i]) {
                exact += b ? 1 : 0;
            }
            row.put("laplaceAtVExactlyV", (double) exact / replications);
            results.append("expertStudy.byTau", row);
        }
        for (int e = 0; e < ESTIMATORS.length; e++) {
            results.put("expertStudy.meanError." + ESTIMATORS[e], means[e]);
        }
        int best = 0;
        for (int i = 1; i < t; i++) {
            if (means[0][i] < means[0][best]) {
                best = i;
            }
        }
        results.put("expertStudy.bestTauForLaplaceAtV", tauGrid[best]);
        Plot.Builder plot = Plot.builder("expert-prior-error")
                .title("2.3 Mean squared error ‖ŵ − w‖² (± one standard error) over " + replications
                        + " replications, w near v")
                .xLabel("τ (Gaussian prior variance 2τ²)").yLabel("mean ‖ŵ − w‖²").logX(true).logY(true);
        String[] labels = {"Laplace MAP centred at v", "Laplace MAP centred at 0", "Gaussian MAP centred at v",
                "least squares"};
        for (int e = 0; e < ESTIMATORS.length; e++) {
            plot.series(new Plot.Series(labels[e], tauGrid, means[e], Plot.Style.LINE_AND_MARKERS));
            plot.errors(labels[e], stderrs[e]);
        }
        plot.line("mean tau_critical", new double[] {tc[0], tc[0]},
                new double[] {min(means), max(means)});
        context.plot(plot.build());
    }

    private static double min(double[][] m) {
        return java.util.Arrays.stream(m).flatMapToDouble(java.util.Arrays::stream).min().orElseThrow();
    }

    private static double max(double[][] m) {
        return java.util.Arrays.stream(m).flatMapToDouble(java.util.Arrays::stream).max().orElseThrow();
    }

    /** A Laplace(0, b) draw: b times the difference of two standard exponentials. */
    private static double laplace(SplittableRandom random, double b) {
        return b * (Math.log(1 - random.nextDouble()) - Math.log(1 - random.nextDouble()));
    }

    private static Dataset rows(SplittableRandom random, int n, double[] w, double sigma) {
        int p = w.length;
        double[] x = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double mean = 0;
            for (int j = 0; j < p; j++) {
                double v = random.nextGaussian();
                x[i * p + j] = v;
                mean += v * w[j];
            }
            y[i] = mean + sigma * random.nextGaussian();
        }
        return Dataset.of(n, p, x, y);
    }
}
