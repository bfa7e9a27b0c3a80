package org.example.studentt;

import java.util.SplittableRandom;

import org.workbench.api.bayes.Prior;

/** Independent Student-t(nu, location, scale) per coordinate. */
final class StudentT implements Prior {
    private final double location;
    private final double scale;
    private final double nu;
    private final double logNormaliser;

    StudentT(double location, double scale, double nu) {
        this.location = location;
        this.scale = scale;
        this.nu = nu;
        this.logNormaliser = LogGamma.of((nu + 1) / 2) - LogGamma.of(nu / 2) - 0.5 * Math.log(nu * Math.PI)
                - Math.log(scale);
    }

    @Override
    public int dimension() {
        return 0;
    }

    @Override
    public double logDensity(double[] theta) {
        double sum = 0;
        for (double t : theta) {
            double z = (t - location) / scale;
            sum += logNormaliser - (nu + 1) / 2 * Math.log1p(z * z / nu);
        }
        return sum;
    }

    @Override
    public double[] gradient(double[] theta, double[] gradient) {
        for (int i = 0; i < theta.length; i++) {
            double d = theta[i] - location;
            gradient[i] = -(nu + 1) * d / (nu * scale * scale + d * d);
        }
        return gradient;
    }

    /** t = location + scale * Z / sqrt(V / nu) with Z standard normal and V chi-squared(nu) = 2 Gamma(nu/2). */
    @Override
    public void sample(SplittableRandom random, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double v = 2 * GammaSampler.draw(random, nu / 2);
            out[i] = location + scale * random.nextGaussian() / Math.sqrt(v / nu);
        }
    }
}
