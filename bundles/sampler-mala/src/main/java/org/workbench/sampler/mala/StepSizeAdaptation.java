package org.workbench.sampler.mala;

/**
 * Nesterov dual averaging of log step size toward a target acceptance rate (Hoffman and Gelman
 * 2014, section 3.2, with gamma 0.05, t0 10, kappa 0.75). Mutable; one per chain and phase.
 */
final class StepSizeAdaptation {
    private final double target;
    private final double shrinkTarget;
    private double errorSum;
    private double logAverage;
    private int count;

    StepSizeAdaptation(double target, double initialStep) {
        this.target = target;
        this.shrinkTarget = Math.log(10 * initialStep);
    }

    /** Records one acceptance probability; returns the next step size to use. */
    double update(double acceptance) {
        count++;
        errorSum += target - acceptance;
        double logStep = shrinkTarget - Math.sqrt(count) / 0.05 * errorSum / (count + 10);
        double weight = Math.pow(count, -0.75);
        logAverage = weight * logStep + (1 - weight) * logAverage;
        return Math.exp(logStep);
    }

    /** The averaged step size to keep after adaptation. */
    double finalStep() {
        return Math.exp(logAverage);
    }
}
