package org.workbench.task.trainclassifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.api.DataSource;
import org.workbench.api.Dataset;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.ResultTree;
import org.workbench.api.Task;
import org.workbench.api.nn.Layer;
import org.workbench.api.testing.ProviderContract;
import org.workbench.api.testing.TestContext;
import org.workbench.api.testing.DeclaredResultKeys;
import org.workbench.api.testing.TestTaskContext;
import org.workbench.layers.core.DenseProvider;
import org.workbench.layers.core.ReluProvider;
import org.workbench.layers.core.SigmoidProvider;
import org.workbench.loss.core.BinaryCrossEntropyProvider;
import org.workbench.loss.core.SoftmaxCrossEntropyProvider;
import org.workbench.optimizer.sgd.SgdProvider;
import org.workbench.backend.ejml.EjmlBackend;

/** Training on small synthetic, separable data through the real layer, loss and optimizer providers. */
class TrainClassifierTest extends ProviderContract<Task> {
    @TempDir
    Path folder;

    @Override
    protected Provider<Task> provider() {
        return new TrainClassifierProvider();
    }

    @Test
    void learnsThreeSeparatedBlobsInFloat() throws Exception {
        TestTaskContext context = run("float", softmaxNetwork(), "softmax", blobs(3, 600, 300, 1));
        ResultTree r = context.results();
        assertTrue(r.number("testAccuracy") >= 0.97, "test accuracy " + r.number("testAccuracy"));
        List<?> epochs = (List<?>) r.get("epochs");
        assertEquals(15, epochs.size());
        ResultTree first = (ResultTree) epochs.get(0);
        ResultTree last = (ResultTree) epochs.get(14);
        assertTrue(last.number("trainLoss") < first.number("trainLoss") / 2, first + " -> " + last);
        assertEquals(15L, last.get("epoch"));
        assertTrue(r.number("examplesPerSecond") > 0);
        assertEquals("float", r.get("precision"));
        DeclaredResultKeys.assertMatch(new TrainClassifierProvider(), List.of(r));
        org.workbench.api.testing.DeclaredLayout.assertMatch(new TrainClassifierProvider(), List.of(r));
        assertTrue(last.number("testLoss") < first.number("testLoss"), "test loss falls: " + first + " -> " + last);
        assertEquals(List.of("training", "accuracy"), context.plots().stream().map(p -> p.name()).toList(),
                "loss and accuracy in separate panels");
        assertEquals(List.of("train loss (running mean over the epoch)", "test loss"),
                context.plots().get(0).series().stream().map(s -> s.name()).toList());
        assertEquals(2, context.plots().get(1).series().size());
        assertTrue(context.progressLines().stream().anyMatch(l -> l.contains("epoch 15/15 batch 19/19 loss")),
                context.progressLines().get(context.progressLines().size() - 1));
    }

    @Test
    void learnsABinaryProblemWithASigmoidOutputInDouble() throws Exception {
        List<Layer> network = List.of(layer(new DenseProvider(), Map.of("out", 8L, "initStddev", 0.3), 1),
                layer(new SigmoidProvider(), Map.of(), 2), layer(new DenseProvider(), Map.of("out", 1L, "initStddev", 0.3), 3),
                layer(new SigmoidProvider(), Map.of(), 4));
        ResultTree r = run("double", network, "binary", blobs(2, 400, 200, 2)).results();
        assertTrue(r.number("testAccuracy") >= 0.97, "test accuracy " + r.number("testAccuracy"));
    }

    @Test
    void theSameSeedGivesTheSameRun() throws Exception {
        Dataset data = blobs(3, 300, 100, 3);
        ResultTree a = run("float", softmaxNetwork(), "softmax", data).results();
        ResultTree b = run("float", softmaxNetwork(), "softmax", data).results();
        for (int e = 0; e < 15; e++) {
            assertEquals(((ResultTree) ((List<?>) a.get("epochs")).get(e)).number("trainLoss"),
                    ((ResultTree) ((List<?>) b.get("epochs")).get(e)).number("trainLoss"), 0.0);
        }
    }

    @Test
    void dataWithoutATestSetLeavesTestAccuracyUndefined() throws Exception {
        Dataset withTest = blobs(3, 200, 10, 4);
        Dataset trainOnly = Dataset.of(withTest.rows(), withTest.columns(), withTest.features(), withTest.targets());
        ResultTree r = run("float", softmaxNetwork(), "softmax", trainOnly).results();
        assertNull(r.get("testAccuracy"));
        assertEquals("the data has no test set", r.get("testAccuracyReason"));
    }

    @Test
    void shuffleIsAPermutation() {
        int[] order = {0, 1, 2, 3, 4, 5, 6, 7};
        TrainClassifier.shuffle(order, new SplittableRandom(1));
        assertEquals(28, java.util.Arrays.stream(order).sum());
        assertEquals(8, java.util.Arrays.stream(order).distinct().count());
    }

    @Test
    void aDivergingRunFailsInsteadOfPublishingAnAccuracy() {
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> run("double", softmaxNetwork(), "softmax", blobs(3, 600, 300, 1), 1e30));
        assertTrue(e.getMessage().startsWith("diverged at epoch 1, batch "), e.getMessage());
    }

    private TestTaskContext run(String precision, List<Layer> network, String loss, Dataset data) throws Exception {
        return run(precision, network, loss, data, 0.5);
    }

    private TestTaskContext run(String precision, List<Layer> network, String loss, Dataset data, double learningRate)
            throws Exception {
        Parameters parameters = Parameters.withDefaults(provider().parameters(),
                Map.of("epochs", 15L, "batchSize", 32L, "precision", precision));
        TestTaskContext context = new TestTaskContext(181, parameters, folder);
        DataSource source = () -> data;
        context.with("data", source);
        context.with("backend", new EjmlBackend(true));
        network.forEach(l -> context.with("network", l));
        Provider<org.workbench.api.nn.Loss> lossProvider = "softmax".equals(loss) ? new SoftmaxCrossEntropyProvider()
                : new BinaryCrossEntropyProvider();
        context.with("loss", lossProvider.create(Parameters.withDefaults(lossProvider.parameters(), Map.of()),
                new TestContext("loss", 1, folder)));
        SgdProvider sgd = new SgdProvider();
        context.with("optimizer", sgd.create(Parameters.withDefaults(sgd.parameters(), Map.of("learningRate", learningRate)),
                new TestContext("optimizer", 1, folder)));
        provider().create(parameters, context).run(context);
        return context;
    }

    private static List<Layer> softmaxNetwork() {
        return List.of(layer(new DenseProvider(), Map.of("out", 16L, "initStddev", 0.1), 1),
                layer(new ReluProvider(), Map.of(), 2), layer(new DenseProvider(), Map.of("out", 3L, "initStddev", 0.1), 3));
    }

    private static Layer layer(Provider<Layer> provider, Map<String, Object> with, long seed) {
        return provider.create(Parameters.withDefaults(provider.parameters(), with), new TestContext("network", seed, Path.of(".")));
    }

    /** {@code k} Gaussian blobs (standard deviation 0.5) around well separated centres in 5 dimensions. */
    private static Dataset blobs(int k, int trainRows, int testRows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return sample(k, trainRows, random).withTest(sample(k, testRows, random));
    }

    private static Dataset sample(int k, int rows, SplittableRandom random) {
        int p = 5;
        double[] x = new double[rows * p];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            int c = random.nextInt(k);
            y[i] = c;
            for (int j = 0; j < p; j++) {
                double centre = j == c ? 3.0 : 0.0;
                x[i * p + j] = centre + 0.5 * random.nextGaussian();
            }
        }
        return Dataset.of(rows, p, x, y);
    }
}
