package {{package}};

import java.util.SplittableRandom;

import org.workbench.api.bayes.Prior;

/**
 * Independent logistic(location, scale) per coordinate: density e^-z / (s (1 + e^-z)^2) with
 * z = (theta - location) / s. Its parameters are scalars, so it applies to a theta of any length.
 */
final class {{exampleClass}} implements Prior {
    private final double location;
    private final double scale;

    {{exampleClass}}(double location, double scale) {
        this.location = location;
        this.scale = scale;
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
            // log of e^-z / (1 + e^-z)^2, written to stay finite for large |z|
            sum += -Math.abs(z) - 2 * Math.log1p(Math.exp(-Math.abs(z))) - Math.log(scale);
        }
        return sum;
    }

    @Override
    public double[] gradient(double[] theta, double[] gradient) {
        for (int i = 0; i < theta.length; i++) {
            double z = (theta[i] - location) / scale;
            gradient[i] = -Math.tanh(z / 2) / scale;
        }
        return gradient;
    }

    /** Inverse CDF: theta = location + s log(u / (1 - u)). */
    @Override
    public void sample(SplittableRandom random, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double u = random.nextDouble();
            while (u == 0) {
                u = random.nextDouble();
            }
            out[i] = location + scale * Math.log(u / (1 - u));
        }
    }
}
