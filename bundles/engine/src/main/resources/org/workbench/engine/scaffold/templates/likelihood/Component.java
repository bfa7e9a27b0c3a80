package {{package}};

import org.workbench.api.bayes.Likelihood;

/** Laplace noise with scale b: log p(observed | predicted) = -log(2b) - |observed - predicted| / b. */
final class {{exampleClass}} implements Likelihood {
    private final double scale;

    {{exampleClass}}(double scale) {
        this.scale = scale;
    }

    @Override
    public double logDensity(double observed, double predicted) {
        return -Math.log(2 * scale) - Math.abs(observed - predicted) / scale;
    }

    /** d/d(predicted): sign(observed - predicted) / b (0 at the kink, the subgradient of smallest norm). */
    @Override
    public double gradient(double observed, double predicted) {
        return Math.signum(observed - predicted) / scale;
    }
}
