package org.workbench.diagnostics;

import org.workbench.api.linear.KeptDraws;
import org.workbench.api.linear.PosteriorSummary;

/** Turns the draws of several chains into the per-coordinate {@link PosteriorSummary} every sampler reports. */
public final class PosteriorSummaries {
    private PosteriorSummaries() {
    }

    /**
     * Summarises {@code p} coordinates stored interleaved per chain ({@code draws[c][t * p + j]}).
     * The posterior mean and its Monte-Carlo standard error come from {@code estimates} (the draws
     * themselves, or Rao-Blackwellised conditional means in the same layout); ESS, tail ESS and
     * R-hat come from {@code draws}. Reads only.
     */
    public static PosteriorSummary of(double[][] draws, double[][] estimates, int p, double acceptance) {
        int chains = draws.length;
        int iterations = draws[0].length / p;
        double[] mean = new double[p];
        double[] mcse = new double[p];
        double[] ess = new double[p];
        double[] essTail = new double[p];
        double[] rhat = new double[p];
        double[][] coordinate = new double[chains][iterations];
        double[][] estimate = new double[chains][iterations];
        for (int j = 0; j < p; j++) {
            double sum = 0;
            for (int c = 0; c < chains; c++) {
                for (int t = 0; t < iterations; t++) {
                    coordinate[c][t] = draws[c][t * p + j];
                    estimate[c][t] = estimates[c][t * p + j];
                    sum += estimate[c][t];
                }
            }
            mean[j] = sum / ((double) chains * iterations);
            mcse[j] = McmcDiagnostics.mcseMean(estimate);
            ess[j] = McmcDiagnostics.essBulk(coordinate);
            essTail[j] = McmcDiagnostics.essTail(coordinate);
            rhat[j] = McmcDiagnostics.rhat(coordinate);
        }
        return new PosteriorSummary(mean, mcse, ess, essTail, rhat, chains, iterations, acceptance,
                KeptDraws.thinned(draws, p));
    }
}
