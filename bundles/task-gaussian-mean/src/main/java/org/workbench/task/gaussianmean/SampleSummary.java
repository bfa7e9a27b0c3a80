package org.workbench.task.gaussianmean;

/**
 * The sufficient statistics of a sample: its size, its sum (Neumaier-compensated, so a sum that is
 * exactly 0 in real arithmetic of the given doubles comes out 0) and the centred sum of squares.
 *
 * @param n                 the number of observations
 * @param sum               the sum of the observations
 * @param sumOfSquaresAboutMean sum_i (x_i - mean)^2; 0 when n = 0
 */
record SampleSummary(long n, double sum, double sumOfSquaresAboutMean) {

    /** Summarises {@code x} in two passes. */
    static SampleSummary of(double[] x) {
        double sum = 0;
        double compensation = 0;
        for (double v : x) {
            double t = sum + v;
            if (Math.abs(sum) >= Math.abs(v)) {
                compensation += (sum - t) + v;
            } else {
                compensation += (v - t) + sum;
            }
            sum = t;
        }
        sum += compensation;
        if (x.length == 0) {
            return new SampleSummary(0, 0, 0);
        }
        double mean = sum / x.length;
        double squares = 0;
        for (double v : x) {
            double d = v - mean;
            squares += d * d;
        }
        return new SampleSummary(x.length, sum, squares);
    }

    /** The sample mean, the MLE of mu under a Gaussian likelihood; NaN when n = 0. */
    double mean() {
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The sample standard deviation (divisor n), 0 for fewer than two observations. */
    double standardDeviation() {
        return n < 2 ? 0 : Math.sqrt(sumOfSquaresAboutMean / n);
    }
}
