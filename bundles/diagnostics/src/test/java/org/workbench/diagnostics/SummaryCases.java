package org.workbench.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.workbench.api.linear.PosteriorSummary;

/**
 * Generated chains for {@link PreviousResultsTest}, and their summaries as text: one line per case
 * and coordinate, {@code case coordinate mean mcse ess essTail rhat} at full precision. The cases
 * cover one and several chains, even and odd lengths down to 7 draws, white noise to AR(0.9) and
 * anti-correlated draws, ties, negative zeros, a constant coordinate, a large offset (1e6 + 1e-4 z)
 * and estimates that are and are not the draws. {@link #main} prints the lines (it generated
 * {@code previous-summaries.txt} with the implementation before the workspaces, commit f575a31).
 */
final class SummaryCases {
    private SummaryCases() {
    }

    static List<String> lines() {
        List<String> out = new ArrayList<>();
        int caseNo = 0;
        int[][] shapes = {{1, 2000, 6}, {4, 501, 3}, {2, 300, 3}, {3, 7, 3}, {1, 8, 3}};
        double[] phis = {0.0, 0.3, 0.9, -0.4};
        for (int[] shape : shapes) {
            for (double phi : phis) {
                for (int kind = 0; kind < 4; kind++) {
                    int m = shape[0];
                    int n = shape[1];
                    int p = shape[2];
                    SplittableRandom r = new SplittableRandom(1000 + caseNo);
                    double[][] d = new double[m][n * p];
                    double[][] e = new double[m][n * p];
                    for (int j = 0; j < p; j++) {
                        for (int c = 0; c < m; c++) {
                            double v = r.nextGaussian();
                            for (int t = 0; t < n; t++) {
                                v = phi * v + r.nextGaussian();
                                double x = v;
                                if (kind == 1) {
                                    x = Math.round(v * 2) / 2.0;
                                } else if (kind == 2) {
                                    x = j == 0 ? 1.25 : j == 1 ? (t % 5 == 0 ? -0.0 : 0.0) + Math.round(v) : 1e6 + 1e-4 * v;
                                } else if (kind == 3) {
                                    x = 0.3 + 0.03 * v + c * 0.01;
                                }
                                d[c][t * p + j] = x;
                                e[c][t * p + j] = 0.5 * x + 0.1 * r.nextGaussian();
                            }
                        }
                    }
                    PosteriorSummary s = PosteriorSummaries.of(d, kind == 3 ? d : e, p, 1.0);
                    for (int j = 0; j < p; j++) {
                        out.add(caseNo + " " + j + " " + s.mean()[j] + " " + s.mcse()[j] + " " + s.ess()[j] + " "
                                + s.essTail()[j] + " " + s.rhat()[j]);
                    }
                    caseNo++;
                }
            }
        }
        return out;
    }

    public static void main(String[] args) {
        lines().forEach(System.out::println);
    }
}
