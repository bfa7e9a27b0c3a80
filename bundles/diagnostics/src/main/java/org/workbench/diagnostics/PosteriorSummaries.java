package org.workbench.diagnostics;

import java.util.concurrent.atomic.AtomicInteger;
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
     * R-hat come from {@code draws}. One worker per core (on the common fork-join pool) takes blocks
     * of coordinates until none is left, each with buffers of its own that serve all its
     * coordinates; each coordinate shares one sort between its diagnostics. Reads only.
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
        int workers = Math.min(blocks, Runtime.getRuntime().availableProcessors());
        AtomicInteger next = new AtomicInteger();
        IntStream.range(0, workers).parallel().forEach(worker -> {
            Workspace w = new Workspace(2 * chains, iterations / 2);
            SplitDraws[] drawn = buffers(chains, iterations);
            SplitDraws[] estimated = estimates == draws ? drawn : buffers(chains, iterations);
            for (int block = next.getAndIncrement(); block < blocks; block = next.getAndIncrement()) {
                int from = block * BLOCK;
                int count = Math.min(BLOCK, p - from);
                SplitDraws.ofInterleaved(draws, p, from, count, drawn);
                if (estimated != drawn) {
                    SplitDraws.ofInterleaved(estimates, p, from, count, estimated);
                }
                for (int b = 0; b < count; b++) {
                    int j = from + b;
                    CoordinateDiagnostics e = new CoordinateDiagnostics(estimated[b], scores, w);
                    mean[j] = e.mean();
                    mcse[j] = e.mcseMean();
                    CoordinateDiagnostics d = estimated == drawn ? e : new CoordinateDiagnostics(drawn[b], scores, w);
                    ess[j] = d.essBulk();
                    essTail[j] = d.essTail();
                    rhat[j] = d.rhat();
                }
            }
        });
        return new PosteriorSummary(mean, mcse, ess, essTail, rhat, chains, iterations, acceptance,
                KeptDraws.thinned(draws, p));
    }

    private static SplitDraws[] buffers(int chains, int iterations) {
        SplitDraws[] out = new SplitDraws[BLOCK];
        for (int b = 0; b < BLOCK; b++) {
            out[b] = new SplitDraws(chains, iterations);
        }
        return out;
    }
}
