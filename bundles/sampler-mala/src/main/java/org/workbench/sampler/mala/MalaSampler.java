package org.workbench.sampler.mala;

import java.util.SplittableRandom;

import org.workbench.api.bayes.Likelihood;
import org.workbench.api.bayes.Prior;
import org.workbench.api.linear.PosteriorSampler;
import org.workbench.api.linear.PosteriorSummary;
import org.workbench.api.linear.RegressionPosterior;
import org.workbench.diagnostics.PosteriorSummaries;

/**
 * Metropolis-adjusted Langevin with a diagonal metric M: proposal
 * w' = w + (h^2 / 2) M grad log pi(w) + h sqrt(M) z, accepted with the Metropolis-Hastings ratio
 * including both proposal densities. Burn-in runs in two halves: the first adapts h with M = I,
 * the second sets M to the draw variances of the first half's second quarter and adapts h again;
 * after burn-in h is the dual-averaged value and stays fixed. Works for any prior and likelihood
 * whose log density has a gradient; at a kink (the Laplace prior at w_j = mu_j) the subgradient
 * makes the Langevin drift discontinuous, which the Metropolis step still corrects but at a lower
 * acceptance and smaller steps. The posterior mean is the plain average of the draws.
 */
final class MalaSampler implements PosteriorSampler {
    private final int iterations;
    private final int burnIn;
    private final int chains;
    private final double targetAcceptance;

    MalaSampler(int iterations, int burnIn, int chains, double targetAcceptance) {
        this.iterations = iterations;
        this.burnIn = burnIn;
        this.chains = chains;
        this.targetAcceptance = targetAcceptance;
    }

    @Override
    public boolean supports(Prior prior, Likelihood likelihood) {
        return true;
    }

    @Override
    public PosteriorSummary sample(RegressionPosterior posterior, SplittableRandom random) {
        int p = posterior.dimension();
        double[][] draws = new double[chains][iterations * p];
        double accepted = 0;
        for (int c = 0; c < chains; c++) {
            accepted += new Chain(posterior, random.split()).run(draws[c]);
        }
        return PosteriorSummaries.of(draws, draws, p, accepted / (chains * (double) iterations));
    }

    /** One chain's state and reused buffers. */
    private final class Chain {
        private final RegressionPosterior posterior;
        private final SplittableRandom random;
        private final int p;
        private final double[] metric;
        private final double[] w;
        private final double[] gradient;
        private final double[] proposal;
        private final double[] proposalGradient;
        private double logDensity;
        private boolean lastAccepted;
        /** Transitions made, for the check every 256 of them whether the run was cancelled. */
        private long steps;

        Chain(RegressionPosterior posterior, SplittableRandom random) {
            this.posterior = posterior;
            this.random = random;
            this.p = posterior.dimension();
            this.metric = new double[p];
            java.util.Arrays.fill(metric, 1);
            this.w = new double[p];
            this.gradient = new double[p];
            this.proposal = new double[p];
            this.proposalGradient = new double[p];
        }

        /** Adapts, then writes {@code iterations} draws row by row; returns the number accepted after burn-in. */
        long run(double[] out) {
            posterior.prior().sample(random, w);
            logDensity = posterior.logDensity(w);
            posterior.gradient(w, gradient);
            int half = burnIn / 2;
            double step = initialStep();
            StepSizeAdaptation adaptation = new StepSizeAdaptation(targetAcceptance, step);
            double[] sum = new double[p];
            double[] sumSq = new double[p];
            int collected = 0;
            for (int t = 0; t < half; t++) {
                step = adaptation.update(step(step));
                if (t >= half / 2) {
                    for (int j = 0; j < p; j++) {
                        sum[j] += w[j];
                        sumSq[j] += w[j] * w[j];
                    }
                    collected++;
                }
            }
            for (int j = 0; j < p; j++) {
                double m = sum[j] / collected;
                double variance = collected > 1 ? (sumSq[j] - collected * m * m) / (collected - 1) : 1;
                // shrink toward a small floor so that a stuck first phase cannot freeze a coordinate
                metric[j] = (collected * Math.max(variance, 0) + 5 * 1e-3) / (collected + 5);
            }
            step = adaptation.finalStep();
            adaptation = new StepSizeAdaptation(targetAcceptance, step);
            for (int t = half; t < burnIn; t++) {
                step = adaptation.update(step(step));
            }
            step = adaptation.finalStep();
            long accepted = 0;
            for (int t = 0; t < iterations; t++) {
                step(step);
                if (lastAccepted) {
                    accepted++;
                }
                System.arraycopy(w, 0, out, t * p, p);
            }
            return accepted;
        }

        private double initialStep() {
            return 0.5 / Math.sqrt(Math.max(1, p));
        }

        /** One MALA transition with step h; updates the state; returns the acceptance probability. */
        private double step(double h) {
            if ((++steps & 255) == 0 && Thread.currentThread().isInterrupted()) {
                // a cancelled run (Ctrl-C, the page's Cancel, a time limit) stops here rather than after every draw
                throw new java.util.concurrent.CancellationException("MALA sampler: the run was cancelled");
            }
            double h2 = h * h;
            for (int j = 0; j < p; j++) {
                proposal[j] = w[j] + 0.5 * h2 * metric[j] * gradient[j] + h * Math.sqrt(metric[j]) * random.nextGaussian();
            }
            double proposalLog = posterior.logDensity(proposal);
            double logRatio = Double.NEGATIVE_INFINITY;
            if (proposalLog != Double.NEGATIVE_INFINITY && !Double.isNaN(proposalLog)) {
                posterior.gradient(proposal, proposalGradient);
                double forward = 0;
                double backward = 0;
                for (int j = 0; j < p; j++) {
                    double f = proposal[j] - w[j] - 0.5 * h2 * metric[j] * gradient[j];
                    double b = w[j] - proposal[j] - 0.5 * h2 * metric[j] * proposalGradient[j];
                    forward += f * f / metric[j];
                    backward += b * b / metric[j];
                }
                logRatio = proposalLog - logDensity - (backward - forward) / (2 * h2);
            }
            double probability = Double.isNaN(logRatio) ? 0 : Math.min(1, Math.exp(logRatio));
            lastAccepted = random.nextDouble() < probability;
            if (lastAccepted) {
                System.arraycopy(proposal, 0, w, 0, p);
                System.arraycopy(proposalGradient, 0, gradient, 0, p);
                logDensity = proposalLog;
            }
            return probability;
        }
    }
}
