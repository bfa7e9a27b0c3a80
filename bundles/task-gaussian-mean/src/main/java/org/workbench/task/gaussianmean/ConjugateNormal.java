package org.workbench.task.gaussianmean;

/**
 * The closed-form posterior of mu for a N(priorMean, priorVariance) prior and N(mu, noiseVariance)
 * observations: precision 1/tau^2 + n/sigma^2, mean (mu0/tau^2 + sum/sigma^2) / precision. The MAP is
 * the posterior mean; the posterior predictive is N(mean, variance + sigma^2).
 *
 * @param mean          the posterior mean, equal to the MAP
 * @param variance      the posterior variance
 * @param noiseVariance sigma^2
 */
record ConjugateNormal(double mean, double variance, double noiseVariance) {

    static ConjugateNormal of(double priorMean, double priorVariance, double noiseVariance, long n, double sum) {
        double precision = 1 / priorVariance + n / noiseVariance;
        double variance = 1 / precision;
        double mean = (priorMean / priorVariance + sum / noiseVariance) * variance;
        return new ConjugateNormal(mean, variance, noiseVariance);
    }

    double map() {
        return mean;
    }

    double predictiveMean() {
        return mean;
    }

    double predictiveVariance() {
        return variance + noiseVariance;
    }
}
