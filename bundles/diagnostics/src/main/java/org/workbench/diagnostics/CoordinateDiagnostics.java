package org.workbench.diagnostics;

import java.util.Arrays;

/**
 * Every diagnostic of {@link McmcDiagnostics} for one scalar quantity, sharing the work between
 * them: the split draws are sorted once (with their positions, {@link RankedDraws}), and that one
 * sort gives the bulk normal scores (for R-hat and bulk ESS, computed once for both), the median
 * and the folded normal scores (by a merge, not a second sort) and the tail quantiles. Each result
 * is computed on first request. Reads the draws only.
 */
final class CoordinateDiagnostics {
    private final SplitDraws draws;
    private final NormalScores scores;
    private RankedDraws ranked;
    private double[] bulkScores;

    /** @param scores the normal scores of {@code draws.split.length} ranks, shareable between coordinates */
    CoordinateDiagnostics(SplitDraws draws, NormalScores scores) {
        if (scores.size() != draws.split.length) {
            throw new IllegalArgumentException("normal scores of " + scores.size() + " ranks for " + draws.split.length + " draws");
        }
        this.draws = draws;
        this.scores = scores;
    }

    CoordinateDiagnostics(SplitDraws draws) {
        this(draws, new NormalScores(draws.split.length));
    }

    private RankedDraws ranked() {
        if (ranked == null) {
            ranked = RankedDraws.of(draws.split, draws.split.length);
        }
        return ranked;
    }

    private double[] bulkScores() {
        if (bulkScores == null) {
            bulkScores = new double[draws.split.length];
            ranked().normalScores(bulkScores, scores);
        }
        return bulkScores;
    }

    /** The larger of the bulk and the folded rank-normalised split R-hat. */
    double rhat() {
        int m = draws.splitChains();
        int n = draws.half;
        if (n < 2) {
            return Double.NaN;
        }
        double bulk = McmcDiagnostics.basicRhat(bulkScores(), m, n);
        double[] folded = new double[draws.split.length];
        ranked().foldedNormalScores(ranked().quantile(0.5), folded, scores);
        double tail = McmcDiagnostics.basicRhat(folded, m, n);
        return Math.max(bulk, tail);
    }

    /** ESS of the rank-normalised split chains. */
    double essBulk() {
        if (draws.half < 4) {
            return Double.NaN;
        }
        return EffectiveSampleSize.of(bulkScores(), draws.splitChains(), draws.half);
    }

    /** The smaller ESS of the indicators x <= q05 and x <= q95 (quantiles of all draws) on the split chains. */
    double essTail() {
        if (draws.half < 4) {
            return Double.NaN;
        }
        double[] sortedAll;
        if (draws.length % 2 == 0) {
            sortedAll = ranked().sorted();
        } else {
            sortedAll = draws.original.clone();
            Arrays.sort(sortedAll);
        }
        double lower = Quantiles.type7(sortedAll, 0.05);
        double upper = Quantiles.type7(sortedAll, 0.95);
        return Math.min(indicatorEss(lower), indicatorEss(upper));
    }

    private double indicatorEss(double threshold) {
        double[] x = draws.split;
        double[] indicator = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            indicator[i] = x[i] <= threshold ? 1 : 0;
        }
        return EffectiveSampleSize.of(indicator, draws.splitChains(), draws.half);
    }

    /** ESS of the split chains as they are. */
    double essBasic() {
        return EffectiveSampleSize.of(draws.split, draws.splitChains(), draws.half);
    }

    /** sd of all draws / sqrt(ESS basic). */
    double mcseMean() {
        double[] x = draws.original;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (x.length - 1));
        return sd / Math.sqrt(essBasic());
    }

    /** The mean of all draws. */
    double mean() {
        double sum = 0;
        for (double v : draws.original) {
            sum += v;
        }
        return sum / draws.original.length;
    }
}
