package org.workbench.api.linear;

/**
 * What a {@link PosteriorSampler} reports, per coordinate of w. Arrays are copied in and out.
 *
 * @param mean          the posterior mean estimate (Rao-Blackwellised where the sampler can)
 * @param mcse          its Monte-Carlo standard error
 * @param ess           bulk effective sample size, rank-normalised and split as Stan reports it
 * @param essTail       tail effective sample size (the smaller of the 5% and 95% quantile ESS)
 * @param rhat          rank-normalised split R-hat (the larger of bulk and folded), as Stan reports it
 * @param chains        number of chains
 * @param drawsPerChain draws kept per chain after burn-in
 * @param acceptance    mean acceptance rate after burn-in (1 for a Gibbs sampler)
 * @param kept          the draws thinned for trace and rank plots, or null when the sampler kept none (since 1.2)
 */
public record PosteriorSummary(double[] mean, double[] mcse, double[] ess, double[] essTail, double[] rhat,
        int chains, int drawsPerChain, double acceptance, KeptDraws kept) {
    /** A summary without kept draws. */
    public PosteriorSummary(double[] mean, double[] mcse, double[] ess, double[] essTail, double[] rhat, int chains,
            int drawsPerChain, double acceptance) {
        this(mean, mcse, ess, essTail, rhat, chains, drawsPerChain, acceptance, null);
    }

    public PosteriorSummary {
        int p = mean.length;
        if (mcse.length != p || ess.length != p || essTail.length != p || rhat.length != p) {
            throw new IllegalArgumentException("per-coordinate arrays differ in length");
        }
        mean = mean.clone();
        mcse = mcse.clone();
        ess = ess.clone();
        essTail = essTail.clone();
        rhat = rhat.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] mcse() {
        return mcse.clone();
    }

    @Override
    public double[] ess() {
        return ess.clone();
    }

    @Override
    public double[] essTail() {
        return essTail.clone();
    }

    @Override
    public double[] rhat() {
        return rhat.clone();
    }
}
