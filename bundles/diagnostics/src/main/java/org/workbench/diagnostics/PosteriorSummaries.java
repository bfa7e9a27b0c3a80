package org.workbench.diagnostics;

import java.util.stream.IntStream;

import org.workbench.api.linear.KeptDraws;
import org.workbench.api.linear.PosteriorSummary;

/** Turns the draws of several chains into the per-coordinate {@link PosteriorSummary} every sampler reports. */
public final class PosteriorSummaries {
    /** Coordinates gathered together from the interleaved draws: one cache line of doubles. */
    private static final int BLOCK = 8;
    private PosteriorSummaries() {
    }

    /**
     * Summarises {@code p} coordinates stored interleaved per chain ({@code draws[c][t * p + j]}).
     * The posterior mean and its Monte-Carlo standard error come from {@code estimates} (the draws
     * themselves, or Rao-Blackwellised conditional means in the same layout); ESS, tail ESS and
     * R-hat come from {@code draws}. The coordinates are summarised in parallel (on the common
     * fork-join pool), each sharing one sort between its diagnostics. Reads only.
     */
    public static PosteriorSummary of(double[][] draws, double[][] estimates, int p, double acceptance) {
        int chains = draws.length;
        int iterations = draws[0].length / p;
        double[] mean = new double[p];
        double[] mcse = new double[p];
        double[] ess = new double[p];
        double[] essTail = new double[p];
        double[] rhat = new double[p];
        NormalScores scores = new NormalScores(2 * chains * (iterations / 2));
        int blocks = (p + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int from = block * BLOCK;
            int count = Math.min(BLOCK, p - from);
            SplitDraws[] drawn = SplitDraws.ofInterleaved(draws, p, from, count);
            SplitDraws[] estimated = estimates == draws ? drawn : SplitDraws.ofInterleaved(estimates, p, from, count);
            for (int b = 0; b < count; b++) {
                int j = from + b;
                CoordinateDiagnostics d = new CoordinateDiagnostics(drawn[b], scores);
                CoordinateDiagnostics e = estimated == drawn ? d : new CoordinateDiagnostics(estimated[b], scores);
                mean[j] = e.mean();
                mcse[j] = e.mcseMean();
                ess[j] = d.essBulk();
                essTail[j] = d.essTail();
                rhat[j] = d.rhat();
            }
        });
        return new PosteriorSummary(mean, mcse, ess, essTail, rhat, chains, iterations, acceptance,
                KeptDraws.thinned(draws, p));
    }
}
