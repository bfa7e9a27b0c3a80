package org.workbench.sampler.gibbslaplace;

import java.util.SplittableRandom;

/**
 * Draws from the inverse Gaussian IG(mean m, shape lambda) by Michael, Schucany and Haas (1976),
 * written without cancellation or overflow: with q = y / (2 lambda), y ~ chi^2_1, the smaller root
 * m (1 + a - sqrt(a^2 + 2a)), a = m q, is evaluated as 1 / (1/m + q + sqrt(q (q + 2/m))). As m grows
 * this tends to lambda / y, the Levy law that IG(infinity, lambda) is, and m = infinity gives that
 * limit exactly. So the draw stays finite and exact when the mean is huge (in the Gibbs sampler:
 * when w_j sits at or next to mu_j). The larger root m^2 / root, taken with probability
 * root / (m + root), is capped at {@link Double#MAX_VALUE} (reached only for m above 1e154, with
 * probability below 1e-150).
 */
final class InverseGaussian {
    private InverseGaussian() {
    }

    /** One draw; {@code mean} may be positive infinity. Advances {@code random}. */
    static double draw(SplittableRandom random, double mean, double shape) {
        double y;
        do {
            double z = random.nextGaussian();
            y = z * z;
        } while (y == 0);
        double q = y / (2 * shape);
        double inverseMean = 1 / mean;
        double root = 1 / (inverseMean + q + Math.sqrt(q * (q + 2 * inverseMean)));
        // accept the smaller root with probability m / (m + root), else take m^2 / root
        if (random.nextDouble() * (1 + root * inverseMean) <= 1) {
            return root;
        }
        return Math.min(mean * (mean / root), Double.MAX_VALUE);
    }
}
