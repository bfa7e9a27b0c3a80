package org.workbench.diagnostics;

import java.util.Arrays;

/**
 * Every diagnostic of {@link McmcDiagnostics} for one scalar quantity, sharing the work between
 * them: the split draws are sorted once (with their positions, {@link RankedDraws}), and that one
 * sort gives the bulk normal scores (for R-hat and bulk ESS, computed once for both), the median,
 * the folded ranks (a second sort, of |x - median|) and the tail quantiles, whose indicators'
 * autocovariances come from bit counts of the 5% of draws beyond each quantile. Each result is
 * computed on first request, in the buffers of a {@link Workspace} that stay this coordinate's until
 * the next one is ranked in it. Reads the draws only.
 */
final class CoordinateDiagnostics {
    private final SplitDraws draws;
    private final NormalScores scores;
    private final Workspace w;
    private RankedDraws ranked;
    private boolean bulkScored;
    /** The mean, once computed (NaN before; a NaN mean is recomputed, at no harm). */
    private double mean = Double.NaN;

    /**
     * @param scores the normal scores of {@code draws.split.length} ranks, shareable between coordinates
     * @param w buffers for {@code draws.splitChains()} chains of {@code draws.half}
     */
    CoordinateDiagnostics(SplitDraws draws, NormalScores scores, Workspace w) {
        if (scores.size() != draws.split.length) {
            throw new IllegalArgumentException("normal scores of " + scores.size() + " ranks for " + draws.split.length + " draws");
        }
        if (w.size != draws.split.length || w.half != draws.half) {
            throw new IllegalArgumentException("a workspace of " + w.splitChains + " x " + w.half + " for "
                    + draws.splitChains() + " x " + draws.half + " draws");
        }
        this.draws = draws;
        this.scores = scores;
        this.w = w;
    }

    CoordinateDiagnostics(SplitDraws draws) {
        this(draws, new NormalScores(draws.split.length), new Workspace(draws.splitChains(), draws.half));
    }

    private RankedDraws ranked() {
        if (ranked == null) {
            ranked = RankedDraws.of(draws.split, draws.split.length, w);
        }
        return ranked;
    }

    private double[] bulkScores() {
        if (!bulkScored) {
            ranked().normalScores(w.scores, scores);
            bulkScored = true;
        }
        return w.scores;
    }

    /** The larger of the bulk and the folded rank-normalised split R-hat. */
    double rhat() {
        int m = draws.splitChains();
        int n = draws.half;
        if (n < 2) {
            return Double.NaN;
        }
        double bulk = McmcDiagnostics.basicRhat(bulkScores(), m, n);
        // the folded scores go to the ESS's scratch buffer: the bulk scores stay for essBulk
        ranked().foldedNormalScores(ranked().quantile(0.5), w.centred, scores);
        double tail = McmcDiagnostics.basicRhat(w.centred, m, n);
        return Math.max(bulk, tail);
    }

    /** ESS of the rank-normalised split chains. */
    double essBulk() {
        if (draws.half < 4) {
            return Double.NaN;
        }
        return EffectiveSampleSize.of(bulkScores(), draws.splitChains(), draws.half, w);
    }

    /** The smaller ESS of the indicators x <= q05 and x <= q95 (quantiles of all draws) on the split chains. */
    double essTail() {
        if (draws.half < 4) {
            return Double.NaN;
        }
        double lower;
        double upper;
        if (draws.length % 2 == 0) {
            lower = ranked().quantile(0.05);
            upper = ranked().quantile(0.95);
        } else {
            double[] sortedAll = draws.original.clone();
            Arrays.sort(sortedAll);
            lower = Quantiles.type7(sortedAll, 0.05);
            upper = Quantiles.type7(sortedAll, 0.95);
        }
        int m = draws.splitChains();
        int n = draws.half;
        int size = draws.split.length;
        // I(x <= q05) from the draws at or below it; I(x <= q95) by its complement, the draws above
        // it, whose centred indicator is its negative and so has the same autocovariances
        IndicatorLags low = new IndicatorLags(ranked(), 0, ranked().countAtMost(lower), m, n, w);
        double essLow = EffectiveSampleSize.geyer(low, low.means(), m, n, w.rho);
        IndicatorLags high = new IndicatorLags(ranked(), ranked().countAtMost(upper), size, m, n, w);
        double essHigh = EffectiveSampleSize.geyer(high, high.means(), m, n, w.rho);
        return Math.min(essLow, essHigh);
    }

    /** ESS of the split chains as they are. */
    double essBasic() {
        return EffectiveSampleSize.of(draws.split, draws.splitChains(), draws.half, w);
    }

    /**
     * sd of all draws / sqrt(ESS basic); 0 for draws that are all equal (a Rao-Blackwellised estimate
     * that does not vary, such as the conditional means of a posterior without data), whose ESS is 0/0.
     */
    double mcseMean() {
        double[] x = draws.original;
        double ss = Sums.squaredDeviations(x, 0, x.length, mean());
        if (ss == 0) {
            return 0;
        }
        double sd = Math.sqrt(ss / (x.length - 1));
        return sd / Math.sqrt(essBasic());
    }

    /** The mean of all draws, summed in their order (a reordered sum of a mean near zero can lose digits). */
    double mean() {
        if (Double.isNaN(mean)) {
            mean = Sums.running(draws.original, 0, draws.original.length) / draws.original.length;
        }
        return mean;
    }
}
