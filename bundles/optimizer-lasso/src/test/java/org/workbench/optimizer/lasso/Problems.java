package org.workbench.optimizer.lasso;

import java.util.SplittableRandom;

import org.workbench.api.Dataset;
import org.workbench.api.linear.LassoProblem;

/** Random lasso problems and the optimality checks shared by the tests and benchmarks. */
final class Problems {
    private Problems() {
    }

    /** X ~ N(0, 1), w_true with about 20% Laplace(0, 1) nonzeros, y = X w_true + N(0, sigma^2); location mu_j ~ N(0, muSpread^2). */
    static LassoProblem random(long seed, int n, int p, double sigma2, double tau, double muSpread) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n * p];
        for (int k = 0; k < x.length; k++) {
            x[k] = random.nextGaussian();
        }
        double[] w = new double[p];
        for (int j = 0; j < p; j++) {
            if (random.nextDouble() < 0.2) {
                w[j] = -Math.log1p(-random.nextDouble()) + Math.log1p(-random.nextDouble());
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += x[i * p + j] * w[j];
            }
            y[i] = s + Math.sqrt(sigma2) * random.nextGaussian();
        }
        double[] mu = new double[p];
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            mu[j] = muSpread * random.nextGaussian();
            scale[j] = tau;
        }
        return LassoProblem.of(Dataset.of(n, p, x, y), sigma2, mu, scale);
    }

    /**
     * The largest violation of the optimality conditions of F at w, in units of the gradient:
     * with g = X^T (y - X w) / sigma^2, |g_j - sign(w_j - mu_j) / tau_j| where w_j != mu_j and
     * max(0, |g_j| - 1 / tau_j) where w_j = mu_j.
     */
    static double kktResidual(LassoProblem problem, double[] w) {
        int n = problem.rows();
        int p = problem.columns();
        double[] x = problem.data().features();
        double[] r = residual(problem, w);
        double worst = 0;
        for (int j = 0; j < p; j++) {
            double g = 0;
            for (int i = 0; i < n; i++) {
                g += x[i * p + j] * r[i];
            }
            g /= problem.noiseVariance();
            double d = w[j] - problem.location(j);
            double violation = d != 0
                    ? Math.abs(g - Math.signum(d) / problem.scale(j))
                    : Math.max(0, Math.abs(g) - 1 / problem.scale(j));
            worst = Math.max(worst, violation);
        }
        return worst;
    }

    /** y - X w. */
    static double[] residual(LassoProblem problem, double[] w) {
        int n = problem.rows();
        int p = problem.columns();
        double[] x = problem.data().features();
        double[] y = problem.data().targets();
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double s = y[i];
            for (int j = 0; j < p; j++) {
                s -= x[i * p + j] * w[j];
            }
            r[i] = s;
        }
        return r;
    }
}
