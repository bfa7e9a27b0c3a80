package org.workbench.sampler.gibbslaplace;

import java.util.SplittableRandom;

import org.workbench.api.Dataset;
import org.workbench.api.bayes.GaussianLikelihood;
import org.workbench.api.bayes.LaplacePrior;
import org.workbench.api.bayes.Likelihood;
import org.workbench.api.bayes.Prior;
import org.workbench.api.linear.PosteriorSampler;
import org.workbench.api.linear.PosteriorSummary;
import org.workbench.api.linear.RegressionPosterior;
import org.workbench.diagnostics.DiagnosticsWarmUp;
import org.workbench.diagnostics.PosteriorSummaries;

/**
 * Exact blocked Gibbs sampler for y = X w + eps, eps ~ N(0, sigma^2 I), w_j ~ Laplace(mu_j, tau_j),
 * through the scale mixture w_j - mu_j | s_j ~ N(0, s_j), s_j ~ Exp(rate 1 / (2 tau_j^2)). In
 * d = w - mu the two conditionals are
 * <ul>
 * <li>d | s, y ~ N(A^-1 c, A^-1) with A = X^T X / sigma^2 + diag(1 / s) and c = X^T (y - X mu) / sigma^2
 * (c does not depend on s): A = U^T U by {@link Cholesky}, v = L^-1 c, mean = L^-T v,
 * d = L^-T (v + z);</li>
 * <li>1 / s_j | d_j ~ IG(mean 1 / (tau_j |d_j|), shape 1 / tau_j^2), see {@link InverseGaussian}.</li>
 * </ul>
 * The posterior mean is the average of the conditional means mu + A^-1 c (Rao-Blackwellised); its
 * Monte-Carlo standard error uses the ESS of that sequence. R-hat and ESS are computed on the draws
 * of w. Chains start from mu plus twice a prior deviation (dispersed). Each chain reuses its
 * buffers across iterations. While the chains run, {@link DiagnosticsWarmUp} readies the
 * diagnostics' code on an idle core (JIT warm-up; no number changes).
 */
final class GibbsLaplaceSampler implements PosteriorSampler {
    private final int iterations;
    private final int burnIn;
    private final int chains;

    GibbsLaplaceSampler(int iterations, int burnIn, int chains) {
        this.iterations = iterations;
        this.burnIn = burnIn;
        this.chains = chains;
    }

    @Override
    public boolean supports(Prior prior, Likelihood likelihood) {
        return prior instanceof LaplacePrior && likelihood instanceof GaussianLikelihood;
    }

    @Override
    public PosteriorSummary sample(RegressionPosterior posterior, SplittableRandom random) {
        if (!supports(posterior.prior(), posterior.likelihood())) {
            throw new IllegalArgumentException("gibbs-laplace needs a Laplace prior and a Gaussian likelihood, got "
                    + posterior.prior().getClass().getSimpleName() + " and "
                    + posterior.likelihood().getClass().getSimpleName());
        }
        Model model = new Model(posterior);
        int p = model.p;
        double[][] draws = new double[chains][iterations * p];
        double[][] conditionalMeans = new double[chains][iterations * p];
        // the chains run one after another, on this thread: an idle core readies the diagnostics' code meanwhile
        try (DiagnosticsWarmUp warmUp = DiagnosticsWarmUp.whileSampling(chains, 1)) {
            for (int c = 0; c < chains; c++) {
                new Chain(model, random.split(), Cholesky.fastest()).run(burnIn, iterations, draws[c], conditionalMeans[c]);
            }
        }
        return PosteriorSummaries.of(draws, conditionalMeans, p, 1.0);
    }

    /**
     * What every chain shares: A0 = X^T X / sigma^2 (row-major p x p in rows of
     * {@link Cholesky#stride}, padding zero), c, mu, tau. Read-only after construction.
     */
    static final class Model {
        final int p;
        final int stride;
        final double[] gram;
        final double[] c;
        final double[] location;
        final double[] scale;
        final LaplacePrior prior;

        Model(RegressionPosterior posterior) {
            Dataset data = posterior.data();
            int n = data.rows();
            p = data.columns();
            stride = Cholesky.stride(p);
            prior = (LaplacePrior) posterior.prior();
            double sigma2 = ((GaussianLikelihood) posterior.likelihood()).variance();
            location = new double[p];
            scale = new double[p];
            for (int j = 0; j < p; j++) {
                location[j] = prior.location(j);
                scale[j] = prior.scale(j);
            }
            double[] x = data.features();
            double[] y = data.targets();
            gram = new double[p * stride];
            c = new double[stride];
            for (int i = 0; i < n; i++) {
                int row = i * p;
                double r = y[i];
                for (int j = 0; j < p; j++) {
                    r -= x[row + j] * location[j];
                }
                for (int j = 0; j < p; j++) {
                    double xij = x[row + j];
                    c[j] += xij * r;
                    int g = j * stride;
                    for (int k = 0; k <= j; k++) {
                        gram[g + k] += xij * x[row + k];
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                c[j] /= sigma2;
                for (int k = 0; k <= j; k++) {
                    gram[j * stride + k] /= sigma2;
                    gram[k * stride + j] = gram[j * stride + k];
                }
            }
        }
    }

    /** One chain's state and buffers (vectors of the stride's length, padding zero). */
    static final class Chain {
        private final Model model;
        private final SplittableRandom random;
        private final Cholesky cholesky;
        private final int p;
        private final int stride;
        private final double[] precision;
        private final double[] shift;
        private final double[] inverseScale;
        private final double[] conditionalMean;

        Chain(Model model, SplittableRandom random, Cholesky cholesky) {
            this.model = model;
            this.random = random;
            this.cholesky = cholesky;
            this.p = model.p;
            this.stride = model.stride;
            this.precision = new double[p * stride];
            this.shift = new double[stride];
            this.inverseScale = new double[p];
            this.conditionalMean = new double[stride];
        }

        /** Runs burn-in then keeps {@code kept} iterations, writing draws of w and conditional means row by row. */
        void run(int burnIn, int kept, double[] draws, double[] conditionalMeans) {
            double[] start = new double[p];
            model.prior.sample(random, start);
            for (int j = 0; j < p; j++) {
                shift[j] = 2 * (start[j] - model.location[j]);
            }
            for (int t = -burnIn; t < kept; t++) {
                if ((t & 255) == 0 && Thread.currentThread().isInterrupted()) {
                    // a cancelled run (Ctrl-C, the page's Cancel, a time limit) stops here rather than after every draw
                    throw new java.util.concurrent.CancellationException("Gibbs sampler: the run was cancelled");
                }
                drawInverseScales();
                drawShift();
                if (t >= 0) {
                    int offset = t * p;
                    for (int j = 0; j < p; j++) {
                        draws[offset + j] = model.location[j] + shift[j];
                        conditionalMeans[offset + j] = model.location[j] + conditionalMean[j];
                    }
                }
            }
        }

        /** 1/s_j | d_j ~ IG(1 / (tau_j |d_j|), 1 / tau_j^2); writes {@code inverseScale}. */
        private void drawInverseScales() {
            for (int j = 0; j < p; j++) {
                double tau = model.scale[j];
                double distance = Math.abs(shift[j]);
                double mean = distance == 0 ? Double.POSITIVE_INFINITY : 1 / (tau * distance);
                inverseScale[j] = InverseGaussian.draw(random, mean, 1 / (tau * tau));
            }
        }

        /**
         * d | s ~ N(A^-1 c, A^-1); writes {@code shift} and {@code conditionalMean}; overwrites the
         * precision buffer with its Cholesky factor. With A = L L^T (L = U^T) and v = L^-1 c: mean = L^-T v and
         * d = L^-T (v + z) for z ~ N(0, I), both from one back substitution. Only the upper triangle
         * of A0 is copied in, each row from the multiple of 8 at or below its diagonal (the part the
         * kernel may use as scratch), so the scratch never carries values from one iteration to the next.
         */
        private void drawShift() {
            double[] gram = model.gram;
            for (int j = 0; j < p; j++) {
                int row = j * stride;
                int from = row + (j & ~7);
                System.arraycopy(gram, from, precision, from, row + stride - from);
                precision[row + j] += inverseScale[j];
            }
            if (!cholesky.decompose(precision, p)) {
                throw new ArithmeticException("the conditional precision is not positive definite");
            }
            System.arraycopy(model.c, 0, conditionalMean, 0, stride);
            cholesky.solveLower(precision, p, conditionalMean);
            for (int j = 0; j < p; j++) {
                shift[j] = conditionalMean[j] + random.nextGaussian();
            }
            cholesky.solveUpper(precision, p, conditionalMean, shift);
        }
    }
}
