package org.workbench.task.bayesianlinearregression;

import java.util.SplittableRandom;

import org.workbench.api.DataSource;
import org.workbench.api.Dataset;
import org.workbench.api.ResultTree;
import org.workbench.api.TaskContext;
import org.workbench.api.UnitWork;
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
 * One replication of the 2.5 study, computed from the run's components and its index alone:
 * replication r draws everything from the r-th stream split off the task's seed, so it gives the
 * same numbers on any thread or machine. Returns {@code mseMap}, {@code mseMean}, {@code errorMap}
 * and {@code errorMean}.
 */
final class Replication implements UnitWork {
    /** The fan-out's name. */
    static final String NAME = "study";
    private final int testSize;

    Replication(int testSize) {
        this.testSize = testSize;
    }

    /** The stream of replication {@code r}: the r-th split of the study's root stream. */
    static SplittableRandom stream(long seed, int r) {
        SplittableRandom root = new SplittableRandom(seed ^ 0x5DEECE66DL);
        SplittableRandom s = root.split();
        for (int i = 0; i < r; i++) {
            s = root.split();
        }
        return s;
    }

    @Override
    public ResultTree run(TaskContext context, int r) {
        DataSource source = context.component("data", DataSource.class);
        if (!(source instanceof SimulatedRegression data) || !context.hasPeer("sampler")) {
            throw new IllegalArgumentException("'replications' needs simulated data (data 'linear-gaussian') and a sampler");
        }
        Prior prior = context.component("prior", Prior.class);
        Likelihood likelihood = context.component("likelihood", Likelihood.class);
        MapSolver solver = context.component("optimizer", MapSolver.class);
        PosteriorSampler sampler = context.component("sampler", PosteriorSampler.class);
        SplittableRandom random = stream(context.seed(), r);
        Simulation simulation = data.simulate(random.split(), testSize);
        Dataset train = simulation.data();
        LassoProblem problem = LassoProblem.of(train, (GaussianLikelihood) likelihood, (LaplacePrior) prior);
        double[] map = solver.solve(problem, null).w();
        double[] mean = sampler.sample(new RegressionPosterior(train, prior, likelihood), random.split()).mean();
        double[] truth = simulation.weights();
        return new ResultTree()
                .put("mseMap", Vectors.meanSquaredError(train.test(), map))
                .put("mseMean", Vectors.meanSquaredError(train.test(), mean))
                .put("errorMap", Vectors.squaredDistance(map, truth))
                .put("errorMean", Vectors.squaredDistance(mean, truth));
    }
}
