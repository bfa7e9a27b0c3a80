package org.workbench.task.bayesianlinearregression;

import java.util.SplittableRandom;

import org.workbench.api.DataSource;
import org.workbench.api.Dataset;
import org.workbench.api.ResultTree;
import org.workbench.api.TaskContext;
import org.workbench.api.FanOutTask;
import org.workbench.api.UnitWork;
import org.workbench.api.bayes.GaussianLikelihood;
import org.workbench.api.bayes.LaplacePrior;
import org.workbench.api.bayes.Likelihood;
import org.workbench.api.bayes.Prior;
import org.workbench.api.linear.LassoProblem;
import org.workbench.api.linear.MapEstimate;
import org.workbench.api.linear.MapSolver;
import org.workbench.api.linear.PosteriorSampler;
import org.workbench.api.linear.PosteriorSummary;
import org.workbench.api.linear.RegressionPosterior;
import org.workbench.api.linear.SimulatedRegression;

/**
 * One run of problem 2 on the run's data: the MAP (with lambda = sigma^2 / tau and the matching
 * scikit-learn alpha), the log posterior up to its constant at the MAP, posterior mean and truth,
 * the posterior mean with its diagnostics when a sampler is given, then the optional tau path and
 * the optional replication study (2.5) and the optional expert-prior study (2.3). Result keys:
 * experiments/README.md.
 */
final class BayesianLinearRegressionTask implements FanOutTask {
    private final double[] tauGrid;
    private final int replications;
    private final int testSize;
    private final ExpertPriorStudy expertStudy;

    BayesianLinearRegressionTask(double[] tauGrid, int replications, int testSize, ExpertPriorStudy expertStudy) {
        this.expertStudy = expertStudy;
        this.tauGrid = tauGrid.clone();
        this.replications = replications;
        this.testSize = testSize;
    }

    @Override
    public void run(TaskContext context) throws Exception {
        DataSource source = context.component(Roles.DATA);
        LaplacePrior prior = context.component(Roles.PRIOR);
        GaussianLikelihood likelihood = context.component(Roles.LIKELIHOOD);
        MapSolver solver = context.component(Roles.OPTIMIZER);
        PosteriorSampler sampler = context.optionalComponent(Roles.SAMPLER).orElse(null);
        if (sampler != null && !sampler.supports(prior, likelihood)) {
            throw new IllegalArgumentException("the sampler does not support this prior and likelihood");
        }
        Dataset data = source.load();
        double[] truth = source instanceof SimulatedRegression simulated ? simulated.simulation().weights() : null;
        LassoProblem problem = LassoProblem.of(data, likelihood, prior);
        ResultTree results = context.results();
        describeProblem(results, problem);

        MapEstimate map = solver.solve(problem, null);
        results.put("map.w", map.w());
        results.put("map.objective", map.objective());
        results.put("map.dualityGap", map.dualityGap());
        results.put("map.iterations", map.iterations());
        results.put("map.converged", map.converged());
        results.put("map.entriesAtLocation", (long) atLocation(problem, map.w()));
        if (truth != null) {
            results.put("truth.w", truth);
        }
        double[] posteriorMean = null;
        if (sampler != null) {
            RegressionPosterior posterior = new RegressionPosterior(data, prior, likelihood);
            PosteriorSummary summary = sampler.sample(posterior, new SplittableRandom(context.seed()));
            posteriorMean = summary.mean();
            results.put("posteriorMean.w", posteriorMean);
            results.put("posteriorMean.mcse", summary.mcse());
            results.put("diagnostics.ess", summary.ess());
            results.put("diagnostics.essTail", summary.essTail());
            results.put("diagnostics.rhat", summary.rhat());
            results.put("diagnostics.chains", (long) summary.chains());
            results.put("diagnostics.drawsPerChain", (long) summary.drawsPerChain());
            results.put("diagnostics.acceptance", summary.acceptance());
            if (summary.kept() != null) {
                DrawsArtifact.write(context.artifact(DrawsArtifact.FILE), summary.kept());
                results.put("diagnostics.keptThin", (long) summary.kept().thin());
            }
        }
        logPosterior(results, problem, map.w(), posteriorMean, truth);
        if (data.test() != null) {
            results.put("testMse.map", Vectors.meanSquaredError(data.test(), map.w()));
            if (posteriorMean != null) {
                results.put("testMse.posteriorMean", Vectors.meanSquaredError(data.test(), posteriorMean));
            }
        }
        if (tauGrid.length > 0) {
            new TauPath(tauGrid).run(context, problem, solver);
        }
        if (replications > 0) {
            if (!(source instanceof SimulatedRegression) || sampler == null) {
                throw new IllegalArgumentException("'replications' needs simulated data (data 'linear-gaussian') and a sampler");
            }
            new Study(replications, testSize).run(context);
        }
        if (expertStudy != null) {
            expertStudy.run(context, problem, solver);
        }
    }

    @Override
    public UnitWork unitWork(String name) {
        if (!name.equals(Replication.NAME)) {
            throw new IllegalArgumentException("bayesian-linear-regression has no fan-out '" + name + "'; it has '"
                    + Replication.NAME + "'");
        }
        return new Replication(testSize);
    }

    private static void describeProblem(ResultTree results, LassoProblem problem) {
        int n = problem.rows();
        int p = problem.columns();
        results.put("n", (long) n);
        results.put("p", (long) p);
        results.put("noiseVariance", problem.noiseVariance());
        results.put("location", problem.location());
        double[] lambda = new double[p];
        double[] tau = new double[p];
        boolean uniform = true;
        for (int j = 0; j < p; j++) {
            lambda[j] = problem.penalty(j);
            tau[j] = problem.scale(j);
            uniform &= tau[j] == tau[0];
        }
        if (uniform && p > 0) {
            results.put("tau", tau[0]);
            results.put("lambda", lambda[0]);
        } else {
            results.put("tau", tau);
            results.put("lambda", lambda);
        }
        if (n == 0) {
            // no observations: the posterior is the prior and the MAP its location; scikit-learn's alpha = lambda/N has no value
            results.undefined("lassoAlpha", "no data (n = 0): alpha = lambda / N divides by 0; the MAP is the prior's "
                    + "location mu");
        } else if (uniform && p > 0) {
            results.put("lassoAlpha", lambda[0] / n);
        } else {
            double[] alpha = lambda.clone();
            for (int j = 0; j < p; j++) {
                alpha[j] /= n;
            }
            results.put("lassoAlpha", alpha);
        }
        results.put("lassoForm", "w_MAP = mu + argmin_d 1/2 ||(y - X mu) - X d||^2 + lambda ||d||_1,"
                + " lambda = sigma^2/tau; scikit-learn Lasso(alpha = lambda/N, fit_intercept=False) on (X, y - X mu)");
    }

    /**
     * log p(w | X, y) up to its constant, i.e. -1/(2 sigma^2) ||Xw - y||^2 - sum |w_j - mu_j| / tau_j
     * (the negative MAP objective), and the constant dropped from log p(y | X, w) + log p(w).
     */
    private static void logPosterior(ResultTree results, LassoProblem problem, double[] map, double[] mean,
            double[] truth) {
        results.put("logPosterior.form", "-1/(2 sigma^2) ||Xw - y||^2 - ||w - mu||_1 / tau + const");
        results.put("logPosterior.map", -problem.objective(map));
        if (mean != null) {
            results.put("logPosterior.posteriorMean", -problem.objective(mean));
        }
        if (truth != null) {
            results.put("logPosterior.truth", -problem.objective(truth));
        }
        double constant = -0.5 * problem.rows() * Math.log(2 * Math.PI * problem.noiseVariance());
        for (int j = 0; j < problem.columns(); j++) {
            constant -= Math.log(2 * problem.scale(j));
        }
        results.put("logPosterior.constantOfLogJoint", constant);
    }

    private static int atLocation(LassoProblem problem, double[] w) {
        int count = 0;
        for (int j = 0; j < w.length; j++) {
            if (w[j] == problem.location(j)) {
                count++;
            }
        }
        return count;
    }
}
