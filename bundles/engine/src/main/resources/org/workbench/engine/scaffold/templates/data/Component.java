package {{package}};

import java.util.SplittableRandom;

import org.workbench.api.DataSource;
import org.workbench.api.Dataset;

/**
 * Two Gaussian classes in {@code dimension} features: class 0 centred at -separation/2 and class 1
 * at +separation/2 on every feature, unit variance, labels 0 and 1 in equal numbers (shuffled).
 * Drawn from the component's own random stream, so the same seed gives the same data.
 */
final class {{exampleClass}} implements DataSource {
    private final int n;
    private final int dimension;
    private final double separation;
    private final SplittableRandom random;

    {{exampleClass}}(int n, int dimension, double separation, SplittableRandom random) {
        this.n = n;
        this.dimension = dimension;
        this.separation = separation;
        this.random = random;
    }

    @Override
    public Dataset load() {
        double[] x = new double[n * dimension];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = y[i];
            y[i] = y[j];
            y[j] = t;
        }
        for (int i = 0; i < n; i++) {
            double centre = (y[i] - 0.5) * separation;
            for (int j = 0; j < dimension; j++) {
                x[i * dimension + j] = centre + random.nextGaussian();
            }
        }
        return Dataset.of(n, dimension, x, y);
    }
}
