package org.workbench.task.gaussianmean;

import org.workbench.api.Plot;
import org.workbench.api.bayes.Likelihood;

/**
 * Builds the two plots of a run: the posterior density of mu (closed form and quadrature overlaid,
 * with the prior) and the predictive densities x|D, x|mu_MLE and x|mu_MAP. Without a closed form
 * the density of x|D is the integral of p(x|mu) p(mu|D) over mu, by the trapezoid rule on the
 * quadrature interval.
 */
final class DensityPlots {
    private static final int CONVOLUTION_POINTS = 801;
    private final int points;

    DensityPlots(int points) {
        this.points = points;
    }

    Plot posterior(LogPosterior logPosterior, QuadraturePosterior q, ConjugateNormal conjugate, double mean,
            double variance) {
        double sd = Math.sqrt(variance);
        double lo = Math.min(mean - 5 * sd, q.map() - sd);
        double hi = Math.max(mean + 5 * sd, q.map() + sd);
        double[] mu = grid(lo, hi, points);
        double[] quadrature = new double[points];
        double[] prior = new double[points];
        for (int i = 0; i < points; i++) {
            quadrature[i] = q.density(mu[i]);
            prior[i] = Math.exp(logPosterior.logPrior(mu[i]));
        }
        Plot.Builder plot = Plot.builder("posterior").title("Posterior density of μ given D")
                .xLabel("μ").yLabel("density");
        if (conjugate != null) {
            double[] closed = new double[points];
            for (int i = 0; i < points; i++) {
                closed[i] = normal(mu[i], conjugate.mean(), conjugate.variance());
            }
            plot.line("closed form N(" + format(conjugate.mean()) + ", " + format(conjugate.variance()) + ")", mu, closed);
            plot.series(new Plot.Series("quadrature", thin(mu), thin(quadrature), Plot.Style.MARKERS));
        } else {
            plot.line("quadrature", mu, quadrature);
        }
        return plot.line("prior", mu, prior).build();
    }

    Plot predictive(Likelihood likelihood, QuadraturePosterior q, ConjugateNormal conjugate, Double mle, double map,
            double noiseScale) {
        double centre = conjugate != null ? conjugate.predictiveMean() : q.mean();
        double spread = conjugate != null ? Math.sqrt(conjugate.predictiveVariance())
                : Math.sqrt(q.variance()) + noiseScale;
        double lo = Math.min(centre - 5 * spread, map - 5 * noiseScale);
        double hi = Math.max(centre + 5 * spread, map + 5 * noiseScale);
        if (mle != null) {
            lo = Math.min(lo, mle - 5 * noiseScale);
            hi = Math.max(hi, mle + 5 * noiseScale);
        }
        double[] x = grid(lo, hi, points);
        double[] full = conjugate != null ? closedPredictive(x, conjugate) : convolvedPredictive(x, likelihood, q);
        Plot.Builder plot = Plot.builder("predictive").title("Predictive densities: x | D, x | μ_MLE, x | μ_MAP")
                .xLabel("x").yLabel("density").line("x | D (posterior predictive)", x, full);
        if (mle != null) {
            plot.line("x | μ_MLE = " + format(mle), x, plugIn(x, likelihood, mle));
        }
        return plot.line("x | μ_MAP = " + format(map), x, plugIn(x, likelihood, map)).build();
    }

    private static double[] closedPredictive(double[] x, ConjugateNormal c) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = normal(x[i], c.predictiveMean(), c.predictiveVariance());
        }
        return y;
    }

    private static double[] convolvedPredictive(double[] x, Likelihood likelihood, QuadraturePosterior q) {
        double[] mu = grid(q.lower(), q.upper(), CONVOLUTION_POINTS);
        double h = mu[1] - mu[0];
        double[] weight = new double[mu.length];
        for (int j = 0; j < mu.length; j++) {
            weight[j] = q.density(mu[j]) * h * (j == 0 || j == mu.length - 1 ? 0.5 : 1);
        }
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double sum = 0;
            for (int j = 0; j < mu.length; j++) {
                if (weight[j] > 0) {
                    sum += weight[j] * Math.exp(likelihood.logDensity(x[i], mu[j]));
                }
            }
            y[i] = sum;
        }
        return y;
    }

    private static double[] plugIn(double[] x, Likelihood likelihood, double mu) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.exp(likelihood.logDensity(x[i], mu));
        }
        return y;
    }

    /** Every fifth point, for markers that do not hide the line below them. */
    private static double[] thin(double[] v) {
        double[] t = new double[(v.length + 4) / 5];
        for (int i = 0; i < t.length; i++) {
            t[i] = v[i * 5];
        }
        return t;
    }

    static double normal(double x, double mean, double variance) {
        double d = x - mean;
        return Math.exp(-0.5 * d * d / variance) / Math.sqrt(2 * Math.PI * variance);
    }

    static double[] grid(double lo, double hi, int count) {
        double[] g = new double[count];
        for (int i = 0; i < count; i++) {
            g[i] = lo + (hi - lo) * i / (count - 1);
        }
        return g;
    }

    private static String format(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
