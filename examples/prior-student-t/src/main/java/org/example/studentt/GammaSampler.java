package org.example.studentt;

import java.util.SplittableRandom;

/** Gamma(shape, 1) draws by Marsaglia and Tsang (2000), with the shape &lt; 1 boost. */
final class GammaSampler {
    private GammaSampler() {
    }

    static double draw(SplittableRandom random, double shape) {
        if (shape < 1) {
            return draw(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
