package org.workbench.api.linear;

import java.util.Arrays;
import java.util.Objects;

import org.workbench.api.Dataset;
import org.workbench.api.bayes.GaussianLikelihood;
import org.workbench.api.bayes.LaplacePrior;

/**
 * The MAP problem of linear regression with Gaussian noise and an independent Laplace prior:
 * minimise F(w) = 1/(2 sigma^2) ||X w - y||^2 + sum_j |w_j - mu_j| / tau_j, which is the negative
 * log posterior up to its constant. Equivalently (times sigma^2) the lasso
 * 1/2 ||y - X mu - X d||^2 + sum_j lambda_j |d_j| in d = w - mu with lambda_j = sigma^2 / tau_j.
 *
 * <p>Immutable. The design matrix and targets are shared with the {@link Dataset} they came from,
 * not copied; solvers must treat them as read-only.
 */
public final class LassoProblem {
    private final Dataset data;
    private final double noiseVariance;
    private final double[] location;
    private final double[] scale;

    private LassoProblem(Dataset data, double noiseVariance, double[] location, double[] scale) {
        this.data = Objects.requireNonNull(data, "data");
        int p = data.columns();
        if (!(noiseVariance > 0) || Double.isInfinite(noiseVariance)) {
            throw new IllegalArgumentException("noise variance must be positive and finite, got " + noiseVariance);
        }
        if (location.length != p || scale.length != p) {
            throw new IllegalArgumentException("the data have " + p + " columns but location has "
                    + location.length + " and scale " + scale.length + " coordinates");
        }
        for (double t : scale) {
            if (!(t > 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException("every scale tau must be positive and finite, got " + t);
            }
        }
        this.noiseVariance = noiseVariance;
        this.location = location.clone();
        this.scale = scale.clone();
    }

    /** The problem with explicit per-coordinate location mu and scale tau (arrays copied). */
    public static LassoProblem of(Dataset data, double noiseVariance, double[] location, double[] scale) {
        return new LassoProblem(data, noiseVariance, location, scale);
    }

    /** The problem that a Laplace prior and a Gaussian likelihood define on {@code data}. */
    public static LassoProblem of(Dataset data, GaussianLikelihood likelihood, LaplacePrior prior) {
        int p = data.columns();
        if (prior.dimension() != 0 && prior.dimension() != p) {
            throw new IllegalArgumentException("the prior has " + prior.dimension()
                    + " coordinates but the data have " + p + " features");
        }
        double[] mu = new double[p];
        double[] tau = new double[p];
        for (int j = 0; j < p; j++) {
            mu[j] = prior.location(j);
            tau[j] = prior.scale(j);
        }
        return new LassoProblem(data, likelihood.variance(), mu, tau);
    }

    /** The same problem with every scale set to {@code tau} (for a path over tau). */
    public LassoProblem withScale(double tau) {
        double[] t = new double[scale.length];
        Arrays.fill(t, tau);
        return new LassoProblem(data, noiseVariance, location, t);
    }

    /** The training data: N rows of p features (row-major) and N targets; read-only. */
    public Dataset data() {
        return data;
    }

    /** N, the number of observations. */
    public int rows() {
        return data.rows();
    }

    /** p, the number of weights. */
    public int columns() {
        return data.columns();
    }

    /** sigma^2. */
    public double noiseVariance() {
        return noiseVariance;
    }

    /** mu_j. */
    public double location(int j) {
        return location[j];
    }

    /** tau_j. */
    public double scale(int j) {
        return scale[j];
    }

    /** lambda_j = sigma^2 / tau_j, the penalty of coordinate j in the lasso form. */
    public double penalty(int j) {
        return noiseVariance / scale[j];
    }

    /** The location vector mu, copied. */
    public double[] location() {
        return location.clone();
    }

    /** F(w), the objective above; reads {@code w} only. */
    public double objective(double[] w) {
        int n = data.rows();
        int p = data.columns();
        if (w.length != p) {
            throw new IllegalArgumentException("w has " + w.length + " coordinates, the problem " + p);
        }
        double[] x = data.features();
        double[] y = data.targets();
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double r = -y[i];
            int row = i * p;
            for (int j = 0; j < p; j++) {
                r += x[row + j] * w[j];
            }
            squares += r * r;
        }
        double l1 = 0;
        for (int j = 0; j < p; j++) {
            l1 += Math.abs(w[j] - location[j]) / scale[j];
        }
        return 0.5 * squares / noiseVariance + l1;
    }
}
