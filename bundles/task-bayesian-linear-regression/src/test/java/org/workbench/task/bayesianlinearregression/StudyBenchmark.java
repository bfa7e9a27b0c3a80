package org.workbench.task.bayesianlinearregression;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.ResultTree;
import org.workbench.api.bayes.LaplacePrior;
import org.workbench.api.testing.TestContext;
import org.workbench.api.testing.TestTaskContext;
import org.workbench.data.lineargaussian.LinearGaussianProvider;
import org.workbench.optimizer.lasso.CoordinateDescentProvider;
import org.workbench.sampler.gibbslaplace.GibbsLaplaceProvider;
import org.workbench.api.testing.BayesDoubles;

/**
 * Runs the study of experiments/p2-5-map-vs-posterior-mean.json without the engine (same sizes and
 * component parameters; test doubles for the Laplace prior and Gaussian likelihood) and prints its
 * numbers and wall time per tau. Not a test.
 *
 * <pre>mvn -q -o -f bundles/task-bayesian-linear-regression/pom.xml test-compile exec:java \
 *   -Dexec.mainClass=org.workbench.task.bayesianlinearregression.StudyBenchmark -Dexec.classpathScope=test</pre>
 */
public final class StudyBenchmark {
    private StudyBenchmark() {
    }

    private static <T> T create(Provider<T> provider, Map<String, Object> with, TestContext context) {
        return provider.create(Parameters.withDefaults(provider.parameters(), with), context);
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("p2-study");
        for (double tau : new double[] {0.1, 0.5, 1.0}) {
            LaplacePrior prior = BayesDoubles.laplace(new double[10], tau);
            TestTaskContext context = new TestTaskContext(2505L, Parameters.withDefaults(
                    BayesianLinearRegressionProvider.PARAMETERS, Map.of("replications", 200L, "testSize", 1000L)), folder)
                    .with("data", create(new LinearGaussianProvider(), Map.of("n", 30L, "p", 10L, "noiseVariance", 1.0),
                            new TestContext("data", 1L, folder).withPeer("prior", prior)))
                    .with("prior", prior)
                    .with("likelihood", BayesDoubles.gaussian(1.0))
                    .with("optimizer", create(new CoordinateDescentProvider(), Map.of("tolerance", 1e-10),
                            new TestContext("optimizer", 2L, folder)))
                    .with("sampler", create(new GibbsLaplaceProvider(),
                            Map.of("iterations", 1000L, "burnIn", 200L, "chains", 2L), new TestContext("sampler", 3L, folder)));
            long t0 = System.nanoTime();
            new BayesianLinearRegressionProvider().create(context.parameters(), context).run(context);
            double seconds = (System.nanoTime() - t0) / 1e9;
            ResultTree r = context.results();
            System.out.printf("{\"tau\":%s,\"seconds\":%.2f,\"testMse.map\":[%.4f,%.4f],\"testMse.posteriorMean\":[%.4f,%.4f],"
                    + "\"difference\":[%.4f,%.4f],\"parameterError.map\":%.4f,\"parameterError.posteriorMean\":%.4f,"
                    + "\"parameterError.difference\":[%.4f,%.4f],\"posteriorMeanBetterFraction\":%.3f}%n", tau, seconds,
                    r.number("study.testMse.map.mean"), r.number("study.testMse.map.stderr"),
                    r.number("study.testMse.posteriorMean.mean"), r.number("study.testMse.posteriorMean.stderr"),
                    r.number("study.difference.mean"), r.number("study.difference.stderr"),
                    r.number("study.parameterError.map.mean"), r.number("study.parameterError.posteriorMean.mean"),
                    r.number("study.parameterError.difference.mean"), r.number("study.parameterError.difference.stderr"),
                    r.number("study.posteriorMeanBetterFraction"));
        }
    }
}
