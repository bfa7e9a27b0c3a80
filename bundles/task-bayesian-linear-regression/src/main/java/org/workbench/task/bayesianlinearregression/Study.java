package org.workbench.task.bayesianlinearregression;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.workbench.api.Dataset;
import org.workbench.api.Plot;
import org.workbench.api.Progress;
import org.workbench.api.ResultTree;
import org.workbench.api.TaskContext;
import org.workbench.api.bayes.GaussianLikelihood;
import org.workbench.api.bayes.LaplacePrior;
import org.workbench.api.bayes.Likelihood;
import org.workbench.api.bayes.Prior;
import org.workbench.api.linear.LassoProblem;
import org.workbench.api.linear.MapSolver;
import org.workbench.api.linear.PosteriorSampler;
import org.workbench.api.linear.RegressionPosterior;
import org.workbench.api.linear.SimulatedRegression;
import org.workbench.api.linear.Simulation;

/**
 * Question 2.5: under the correctly specified model, replicate the whole generating process (w from
 * the prior, X, y and a held-out test set) and compare the test MSE of w_MAP and of the posterior
 * mean, paired per replication. Replication r draws everything from the r-th stream split off the
 * task's seed, in order, before any work starts; replications run in parallel and their results
 * land in slot r, so the numbers do not depend on the thread count. Writes
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

    void run(TaskContext context, SimulatedRegression data, Prior prior, Likelihood likelihood, MapSolver solver,
            PosteriorSampler sampler) {
        SplittableRandom root = new SplittableRandom(context.seed() ^ 0x5DEECE66DL);
        SplittableRandom[] streams = new SplittableRandom[replications];
        for (int r = 0; r < replications; r++) {
            streams[r] = root.split();
        }
        double[] mseMap = new double[replications];
        double[] mseMean = new double[replications];
        double[] errorMap = new double[replications];
        double[] errorMean = new double[replications];
        AtomicInteger done = new AtomicInteger();
        try (Progress progress = context.progress("study", replications)) {
            IntStream.range(0, replications).parallel().forEach(r -> {
                SplittableRandom random = streams[r];
                Simulation simulation = data.simulate(random.split(), testSize);
                Dataset train = simulation.data();
                LassoProblem problem = LassoProblem.of(train, (GaussianLikelihood) likelihood, (LaplacePrior) prior);
                double[] map = solver.solve(problem, null).w();
                double[] mean = sampler.sample(new RegressionPosterior(train, prior, likelihood), random.split()).mean();
                double[] truth = simulation.weights();
                mseMap[r] = Vectors.meanSquaredError(train.test(), map);
                mseMean[r] = Vectors.meanSquaredError(train.test(), mean);
                errorMap[r] = Vectors.squaredDistance(map, truth);
                errorMean[r] = Vectors.squaredDistance(mean, truth);
                int finished = done.incrementAndGet();
                synchronized (progress) {
                    progress.update(finished, "replication " + finished + " of " + replications);
                }
            });
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
