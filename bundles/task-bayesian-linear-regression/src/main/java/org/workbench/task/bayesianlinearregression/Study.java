package org.workbench.task.bayesianlinearregression;

import java.util.List;

import org.workbench.api.Plot;
import org.workbench.api.ResultTree;
import org.workbench.api.TaskContext;

/**
 * Question 2.5: under the correctly specified model, replicate the whole generating process (w from
 * the prior, X, y and a held-out test set) and compare the test MSE of w_MAP and of the posterior
 * mean, paired per replication. The replications are units of the fan-out {@code study}
 * ({@link Replication}): the engine runs them on this machine's cores or on a cluster's members,
 * and each lands in its slot, so the numbers depend neither on the thread count nor on where they
 * ran. Writes
 * {@code study.{replications, testMse.{map,posteriorMean}, difference, parameterError..., posteriorMeanBetter}}
 * and the plot {@code study-test-mse}.
 */
final class Study {
    private final int replications;
    private final int testSize;

    Study(int replications, int testSize) {
        this.replications = replications;
        this.testSize = testSize;
    }

    void run(TaskContext context) throws Exception {
        List<ResultTree> units = context.fanOut(Replication.NAME, replications, new Replication(testSize));
        double[] mseMap = new double[replications];
        double[] mseMean = new double[replications];
        double[] errorMap = new double[replications];
        double[] errorMean = new double[replications];
        for (int r = 0; r < replications; r++) {
            ResultTree u = units.get(r);
            mseMap[r] = u.number("mseMap");
            mseMean[r] = u.number("mseMean");
            errorMap[r] = u.number("errorMap");
            errorMean[r] = u.number("errorMean");
        }
        double[] difference = new double[replications];
        double[] errorDifference = new double[replications];
        int meanBetter = 0;
        for (int r = 0; r < replications; r++) {
            difference[r] = mseMap[r] - mseMean[r];
            errorDifference[r] = errorMap[r] - errorMean[r];
            if (difference[r] > 0) {
                meanBetter++;
            }
        }
        ResultTree results = context.results();
        results.put("study.replications", (long) replications);
        results.put("study.testSize", (long) testSize);
        summary(results, "study.testMse.map", mseMap);
        summary(results, "study.testMse.posteriorMean", mseMean);
        summary(results, "study.difference", difference);
        summary(results, "study.parameterError.map", errorMap);
        summary(results, "study.parameterError.posteriorMean", errorMean);
        summary(results, "study.parameterError.difference", errorDifference);
        results.put("study.posteriorMeanBetterFraction", (double) meanBetter / replications);
        results.put("study.difference.definition", "test MSE of w_MAP minus test MSE of the posterior mean, paired per replication");
        context.plot(plot(mseMap, mseMean));
    }

    private static void summary(ResultTree results, String path, double[] values) {
        double[] ms = Vectors.meanAndStandardError(values);
        results.put(path + ".mean", ms[0]);
        results.put(path + ".stderr", ms[1]);
    }

    private static Plot plot(double[] mseMap, double[] mseMean) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < mseMap.length; r++) {
            lo = Math.min(lo, Math.min(mseMap[r], mseMean[r]));
            hi = Math.max(hi, Math.max(mseMap[r], mseMean[r]));
        }
        return Plot.builder("study-test-mse")
                .title("Test MSE per replication: posterior mean against MAP")
                .xLabel("test MSE of the posterior mean")
                .yLabel("test MSE of w_MAP")
                .markers("replications", mseMean, mseMap)
                .line("equal", new double[] {lo, hi}, new double[] {lo, hi})
                .build();
    }
}
