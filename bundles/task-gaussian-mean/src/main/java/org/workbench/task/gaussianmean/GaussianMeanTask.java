package org.workbench.task.gaussianmean;

import java.io.IOException;
import java.util.SplittableRandom;

import org.workbench.api.DataSource;
import org.workbench.api.Dataset;
import org.workbench.api.ResultTree;
import org.workbench.api.Task;
import org.workbench.api.TaskContext;
import org.workbench.api.bayes.GaussianLikelihood;
import org.workbench.api.bayes.GaussianPrior;
import org.workbench.api.bayes.LaplacePrior;
import org.workbench.api.bayes.Likelihood;
import org.workbench.api.bayes.Prior;

/**
 * One run of problem 1: x_i = mu + eps_i with a prior on mu. Writes the sufficient statistics, the
 * MLE, the MAP, the posterior of mu, the posterior predictive x|D and the plug-in predictives
 * x|mu_MLE and x|mu_MAP; the closed form when the prior is a {@link GaussianPrior} and the
 * likelihood a {@link GaussianLikelihood} ({@code method = "conjugate"}), otherwise the quadrature
 * results ({@code method = "quadrature"}), and the quadrature results under {@code quadrature.*}
 * in every case, with their largest difference from the closed form when both exist.
 */
final class GaussianMeanTask implements Task {
    private static final int PRIOR_DRAWS = 64;

    private final double tolerance;
    private final boolean plots;
    private final int plotPoints;

    GaussianMeanTask(double tolerance, boolean plots, int plotPoints) {
        this.tolerance = tolerance;
        this.plots = plots;
        this.plotPoints = plotPoints;
    }

    @Override
    public void run(TaskContext context) throws IOException {
        Dataset dataset = context.component(Roles.DATA).load();
        Prior prior = context.component(Roles.PRIOR);
        Likelihood likelihood = context.component(Roles.LIKELIHOOD);
        if (dataset.columns() != 0) {
            throw new IllegalArgumentException("task gaussian-mean needs a sample of one variable ('values', or a "
                    + "one-column CSV file), but the data have " + dataset.columns() + " feature columns");
        }
        double[] x = dataset.targets();
        SampleSummary summary = SampleSummary.of(x);
        LogPosterior logPosterior = new LogPosterior(prior, likelihood, x, summary);
        Double noiseVariance = likelihood instanceof GaussianLikelihood g ? g.variance() : null;
        ConjugateNormal conjugate = prior instanceof GaussianPrior gp && noiseVariance != null
                ? ConjugateNormal.of(gp.mean(0), gp.variance(0), noiseVariance, summary.n(), summary.sum())
                : null;
        double scale = scale(prior, summary, noiseVariance);
        QuadraturePosterior quadrature = QuadraturePosterior.compute(logPosterior,
                start(logPosterior, prior, summary, context.random()), scale, kinks(prior), tolerance);
        Double mle = mle(logPosterior, summary, noiseVariance, scale);

        double map = conjugate != null ? conjugate.map() : quadrature.map();
        double posteriorMean = conjugate != null ? conjugate.mean() : quadrature.mean();
        double posteriorVariance = conjugate != null ? conjugate.variance() : quadrature.variance();

        ResultTree r = context.results();
        r.put("method", conjugate != null ? "conjugate" : "quadrature");
        r.put("n", summary.n());
        r.put("sum", summary.sum());
        r.put("signOfSum", (long) Math.signum(summary.sum()));
        if (summary.n() > 0) {
            r.put("sampleMean", summary.mean());
        } else {
            r.undefined("sampleMean", "no data (n = 0)");
        }
        if (noiseVariance != null) {
            r.put("noiseVariance", noiseVariance);
        }
        if (mle != null) {
            r.put("mle", mle);
        } else {
            r.undefined("mle", "no data (n = 0): the likelihood is flat in mu, so it has no maximiser");
        }
        r.put("map", map);
        r.put("posterior.mean", posteriorMean);
        r.put("posterior.variance", posteriorVariance);
        writePredictives(r, noiseVariance, mle, map, posteriorMean, posteriorVariance);
        writeComparisons(r, summary, mle, map);
        if (conjugate != null && mle != null) {
            writeShrinkage(r, summary.n(), ((GaussianPrior) prior).mean(0), ((GaussianPrior) prior).variance(0),
                    noiseVariance, mle);
        }
        writeQuadrature(r, quadrature, conjugate);
        writeSoftThreshold(r, prior, summary, noiseVariance, quadrature);

        if (plots) {
            DensityPlots drawing = new DensityPlots(plotPoints);
            context.plot(drawing.posterior(logPosterior, quadrature, conjugate, posteriorMean, posteriorVariance));
            context.plot(drawing.predictive(likelihood, quadrature, conjugate, mle, map,
                    noiseVariance != null ? Math.sqrt(noiseVariance) : fallbackNoiseScale(summary)));
        }
    }

    private static void writePredictives(ResultTree r, Double noiseVariance, Double mle, double map,
            double posteriorMean, double posteriorVariance) {
        if (noiseVariance == null) {
            String reason = "the likelihood is not Gaussian, so the predictive moments are not computed";
            for (String key : new String[] {"predictive", "pluginMle", "pluginMap"}) {
                r.undefined(key + ".mean", reason);
                r.undefined(key + ".variance", reason);
            }
            return;
        }
        r.put("predictive.mean", posteriorMean);
        r.put("predictive.variance", posteriorVariance + noiseVariance);
        if (mle != null) {
            r.put("pluginMle.mean", mle);
            r.put("pluginMle.variance", noiseVariance);
        } else {
            r.undefined("pluginMle.mean", "the MLE is undefined without data");
            r.undefined("pluginMle.variance", "the MLE is undefined without data");
        }
        r.put("pluginMap.mean", map);
        r.put("pluginMap.variance", noiseVariance);
        r.put("mapMinusPredictiveMean", map - posteriorMean);
        r.put("predictiveVarianceMinusPluginVariance", posteriorVariance);
    }

    /**
     * Question 1.3 in general: MAP = mu0 + c (MLE - mu0) with the shrinkage factor
     * c = n tau^2 / (n tau^2 + sigma^2), strictly between 0 and 1 for n &gt;= 1 (so with mu0 = 0 the MAP
     * has the MLE's sign and a smaller magnitude). {@code shrinkage.map} evaluates that formula; it
     * equals {@code map}, which comes from the posterior precision, up to rounding.
     */
    private static void writeShrinkage(ResultTree r, long n, double priorMean, double priorVariance, double noiseVariance,
            double mle) {
        double factor = n * priorVariance / (n * priorVariance + noiseVariance);
        r.put("shrinkage.factor", factor);
        r.put("shrinkage.priorMean", priorMean);
        r.put("shrinkage.map", priorMean + factor * (mle - priorMean));
        r.put("shrinkage.formula", "MAP = mu0 + c (MLE - mu0), c = n tau^2 / (n tau^2 + sigma^2), 0 < c < 1");
    }

    private static void writeComparisons(ResultTree r, SampleSummary summary, Double mle, double map) {
        if (mle == null) {
            r.undefined("ratioMapOverMle", "no data (n = 0): the MLE is undefined");
            r.undefined("mleMinusMap", "no data (n = 0): the MLE is undefined");
            r.undefined("mleComparedToMap", "no data (n = 0): the MLE is undefined");
            return;
        }
        if (mle == 0) {
            r.undefined("ratioMapOverMle", summary.sum() == 0
                    ? "the sum of the data is 0, so MLE = 0 and MAP/MLE = " + (map == 0 ? "0/0" : "MAP/0")
                    : "MLE = 0, so MAP/MLE divides by 0");
        } else {
            r.put("ratioMapOverMle", map / mle);
        }
        r.put("mleMinusMap", mle - map);
        r.put("mleComparedToMap", mle > map ? ">" : mle < map ? "<" : "=");
    }

    private static void writeQuadrature(ResultTree r, QuadraturePosterior q, ConjugateNormal conjugate) {
        r.put("quadrature.mean", q.mean());
        r.put("quadrature.variance", q.variance());
        r.put("quadrature.map", q.map());
        r.put("quadrature.lower", q.lower());
        r.put("quadrature.upper", q.upper());
        r.put("quadrature.tolerance", q.tolerance());
        r.put("quadrature.estimatedRelativeError", q.integration().relativeError());
        r.put("quadrature.converged", q.integration().converged());
        r.put("quadrature.intervals", (long) q.integration().intervals());
        r.put("quadrature.evaluations", (long) (q.integration().evaluations() + q.optimiserEvaluations()));
        if (conjugate != null) {
            double difference = Math.max(Math.abs(q.mean() - conjugate.mean()),
                    Math.max(Math.abs(q.variance() - conjugate.variance()), Math.abs(q.map() - conjugate.map())));
            r.put("quadrature.maxAbsDifference", difference);
            r.put("quadrature.relativeVarianceDifference",
                    Math.abs(q.variance() - conjugate.variance()) / conjugate.variance());
        }
    }

    /** With a Laplace prior and a Gaussian likelihood the MAP is mu0 + soft-threshold(xbar - mu0, sigma^2/(n tau)). */
    private static void writeSoftThreshold(ResultTree r, Prior prior, SampleSummary summary, Double noiseVariance,
            QuadraturePosterior q) {
        if (!(prior instanceof LaplacePrior laplace) || noiseVariance == null) {
            return;
        }
        double location = laplace.location(0);
        if (summary.n() == 0) {
            r.undefined("softThreshold.threshold", "no data (n = 0): the MAP is the prior's location");
            r.put("softThreshold.map", location);
        } else {
            double threshold = noiseVariance / (summary.n() * laplace.scale(0));
            r.put("softThreshold.threshold", threshold);
            r.put("softThreshold.map", location + softThreshold(summary.mean() - location, threshold));
        }
        r.put("softThreshold.quadratureMinusClosedForm", q.map() - r.number("softThreshold.map"));
    }

    /** sign(z) max(|z| - t, 0). */
    static double softThreshold(double z, double t) {
        return Math.signum(z) * Math.max(Math.abs(z) - t, 0);
    }

    private static Double mle(LogPosterior logPosterior, SampleSummary summary, Double noiseVariance, double scale) {
        if (summary.n() == 0) {
            return null;
        }
        if (noiseVariance != null) {
            return summary.mean();
        }
        Maximiser maximiser = new Maximiser(logPosterior::logLikelihood, logPosterior::likelihoodGradient);
        return maximiser.argmax(summary.mean(), scale);
    }

    /** A first guess of the posterior's width: the smallest of the likelihood's and the prior's scales. */
    private static double scale(Prior prior, SampleSummary summary, Double noiseVariance) {
        double scale = Double.POSITIVE_INFINITY;
        if (summary.n() > 0 && noiseVariance != null) {
            scale = Math.sqrt(noiseVariance / summary.n());
        } else if (summary.standardDeviation() > 0) {
            scale = summary.standardDeviation() / Math.sqrt(summary.n());
        }
        if (prior instanceof GaussianPrior g) {
            scale = Math.min(scale, Math.sqrt(g.variance(0)));
        } else if (prior instanceof LaplacePrior l) {
            scale = Math.min(scale, l.scale(0));
        }
        return Double.isFinite(scale) && scale > 0 ? scale : 1;
    }

    /**
     * Where the search for the mode starts: the best of the sample mean, the prior's centre and 0, or,
     * when the log posterior is infinite at all of them, the best of draws from the prior.
     */
    private static double start(LogPosterior logPosterior, Prior prior, SampleSummary summary, SplittableRandom random) {
        double best = Double.NaN;
        double bestValue = Double.NEGATIVE_INFINITY;
        double[] candidates = {summary.n() > 0 ? summary.mean() : 0, centre(prior), 0};
        for (double c : candidates) {
            double v = logPosterior.value(c);
            if (v > bestValue) {
                best = c;
                bestValue = v;
            }
        }
        double[] draw = new double[1];
        for (int k = 0; k < PRIOR_DRAWS && !(bestValue > Double.NEGATIVE_INFINITY); k++) {
            prior.sample(random, draw);
            double v = logPosterior.value(draw[0]);
            if (v > bestValue) {
                best = draw[0];
                bestValue = v;
            }
        }
        if (!(bestValue > Double.NEGATIVE_INFINITY)) {
            throw new IllegalStateException("the log posterior of mu is not finite at the sample mean, at the prior's "
                    + "centre, at 0 or at " + PRIOR_DRAWS + " draws from the prior: the data lie outside its support");
        }
        return best;
    }

    private static double centre(Prior prior) {
        if (prior instanceof GaussianPrior g) {
            return g.mean(0);
        }
        if (prior instanceof LaplacePrior l) {
            return l.location(0);
        }
        return 0;
    }

    private static double[] kinks(Prior prior) {
        return prior instanceof LaplacePrior l ? new double[] {l.location(0)} : new double[0];
    }

    private static double fallbackNoiseScale(SampleSummary summary) {
        return summary.standardDeviation() > 0 ? summary.standardDeviation() : 1;
    }
}
