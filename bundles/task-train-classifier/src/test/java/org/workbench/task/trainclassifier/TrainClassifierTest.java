package org.workbench.task.trainclassifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
        TrainClassifier.shuffle(order, new ShuffleRandom(1));
        assertEquals(28, java.util.Arrays.stream(order).sum());
        assertEquals(8, java.util.Arrays.stream(order).distinct().count());
    }

    @Test
    void aDivergingRunFailsInsteadOfPublishingAnAccuracy() {
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> run("double", softmaxNetwork(), "softmax", blobs(3, 600, 300, 1), 1e30));
        assertTrue(e.getMessage().startsWith("diverged at epoch 1, batch "), e.getMessage());
    }

    @Test
    void aRunResumedFromAnEpochCheckpointEndsBitForBitAsAnUninterruptedOne() throws Exception {
        Dataset data = blobs(3, 300, 100, 5);
        Map<String, Object> with = Map.of("epochs", 4L, "batchSize", 32L, "checkpointEvery", 1L);
        Path whole = folder.resolve("whole");
        TestTaskContext uninterrupted = runIn(whole, with, data, List.of());
        for (String file : List.of("checkpoint-epoch-001.npz", "checkpoint-epoch-002.npz", "checkpoint-epoch-003.npz",
                TrainClassifier.FINAL_WEIGHTS)) {
            assertTrue(java.nio.file.Files.isRegularFile(whole.resolve(file)), file);
        }
        // a run killed after epoch 2 left its checkpoints 1 and 2; the resume continues from the newer
        Path killed = folder.resolve("killed");
        java.nio.file.Files.createDirectories(killed);
        List<Path> kept = new java.util.ArrayList<>();
        for (String file : List.of("checkpoint-epoch-001.npz", "checkpoint-epoch-002.npz")) {
            kept.add(java.nio.file.Files.copy(whole.resolve(file), killed.resolve(file)));
        }
        TestTaskContext resumed = runIn(killed, with, data, kept);
        assertTrue(resumed.progressLines().stream().anyMatch(l -> l.contains("resumed from the checkpoint after epoch 2")),
                resumed.progressLines().toString());
        List<?> a = (List<?>) uninterrupted.results().get("epochs");
        List<?> b = (List<?>) resumed.results().get("epochs");
        assertEquals(4, b.size());
        for (int e = 0; e < 4; e++) {
            for (String key : List.of("epoch", "trainLoss", "trainAccuracy", "testAccuracy", "testLoss")) {
                assertEquals(((ResultTree) a.get(e)).get(key), ((ResultTree) b.get(e)).get(key), "epoch " + (e + 1) + " " + key);
            }
        }
        assertEquals(uninterrupted.results().get("testAccuracy"), resumed.results().get("testAccuracy"));
        Map<String, NpyArray> x = Npz.read(whole.resolve(TrainClassifier.FINAL_WEIGHTS));
        Map<String, NpyArray> y = Npz.read(killed.resolve(TrainClassifier.FINAL_WEIGHTS));
        assertEquals(x.keySet(), y.keySet());
        for (String name : x.keySet()) {
            if (!name.equals("curves.seconds") && !name.equals("curves.trainSeconds")) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(x.get(name).data(), y.get(name).data(), name);
            }
        }
        assertArrayEquals(new int[] {16, 5}, x.get("network.0.W").shape());
        assertArrayEquals(new int[] {3}, x.get("network.2.b").shape());
    }

    @Test
    void evaluatingTheFinalWeightsGivesTheRunsTestNumbersAndAConfusionMatrix() throws Exception {
        Dataset data = blobs(3, 300, 100, 7);
        Path trained = folder.resolve("trained");
        TestTaskContext run = runIn(trained, Map.of("epochs", 3L, "batchSize", 32L), data, List.of());
        Path weights = trained.resolve(TrainClassifier.FINAL_WEIGHTS);
        TestTaskContext evaluated = runIn(folder.resolve("evaluated"), Map.of("epochs", 3L, "batchSize", 32L,
                "evaluate", weights.toString()), data, List.of());
        ResultTree e = (ResultTree) evaluated.results().get("evaluation");
        assertEquals(run.results().get("testAccuracy"), e.get("testAccuracy"));
        List<?> epochs = (List<?>) run.results().get("epochs");
        assertEquals(((ResultTree) epochs.get(2)).get("testLoss"), e.get("testLoss"));
        assertEquals(100L, e.get("examples"));
        assertEquals(3L, e.get("epoch"));
        double[][] confusion = (double[][]) e.get("confusion");
        assertEquals(3, confusion.length);
        double total = 0;
        double diagonal = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                total += confusion[i][j];
                diagonal += i == j ? confusion[i][j] : 0;
            }
        }
        assertEquals(100, total, 0);
        assertEquals(e.number("testAccuracy"), diagonal / total, 1e-12);
        assertNull(evaluated.results().get("epochs"), "nothing was trained");
        assertTrue(run.results().number("backendDetails.products") > 0, "a backend's details are recorded");
        DeclaredResultKeys.assertMatch(new TrainClassifierProvider(), List.of(run.results(), evaluated.results()));
        assertTrue(java.nio.file.Files.notExists(folder.resolve("evaluated").resolve(TrainClassifier.FINAL_WEIGHTS)));
    }

    @Test
    void aCheckpointOfAnotherNetworkIsRefusedWithWhatDiffers() throws Exception {
        Dataset data = blobs(3, 100, 20, 6);
        Path first = folder.resolve("first");
        runIn(first, Map.of("epochs", 2L, "batchSize", 32L, "checkpointEvery", 1L), data, List.of());
        Parameters parameters = Parameters.withDefaults(provider().parameters(), Map.of("epochs", 2L));
        TestTaskContext context = new TestTaskContext(181, parameters, folder.resolve("other"));
        context.resumingFrom(List.of(first.resolve("checkpoint-epoch-001.npz")));
        context.with("data", (DataSource) () -> data);
        context.with("backend", new EjmlBackend(true));
        context.with("network", layer(new DenseProvider(), Map.of("out", 3L, "initStddev", 0.1), 1));
        SoftmaxCrossEntropyProvider loss = new SoftmaxCrossEntropyProvider();
        context.with("loss", loss.create(Parameters.withDefaults(loss.parameters(), Map.of()), new TestContext("loss", 1, folder)));
        SgdProvider sgd = new SgdProvider();
        context.with("optimizer", sgd.create(Parameters.withDefaults(sgd.parameters(), Map.of("learningRate", 0.5)),
                new TestContext("optimizer", 1, folder)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> provider().create(parameters, context).run(context));
        assertTrue(e.getMessage().contains("network.0.W has 80 values, the network's 3x5"), e.getMessage());
    }

    private TestTaskContext runIn(Path out, Map<String, Object> with, Dataset data, List<Path> resumeFrom) throws Exception {
        Parameters parameters = Parameters.withDefaults(provider().parameters(), with);
        TestTaskContext context = new TestTaskContext(181, parameters, out).resumingFrom(resumeFrom);
        context.with("data", (DataSource) () -> data);
        context.with("backend", new DetailedBackend());
        softmaxNetwork().forEach(l -> context.with("network", l));
        SoftmaxCrossEntropyProvider loss = new SoftmaxCrossEntropyProvider();
        context.with("loss", loss.create(Parameters.withDefaults(loss.parameters(), Map.of()), new TestContext("loss", 1, folder)));
        SgdProvider sgd = new SgdProvider();
        context.with("optimizer", sgd.create(Parameters.withDefaults(sgd.parameters(), Map.of("learningRate", 0.5)),
                new TestContext("optimizer", 1, folder)));
        provider().create(parameters, context).run(context);
        return context;
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

    /** An EJML backend that gives structured details, as the vector backend does (its kernels): here the products it ran. */
    private static final class DetailedBackend implements org.workbench.api.nn.Backend, org.workbench.api.nn.BackendDetails {
        private final EjmlBackend products = new EjmlBackend(true);
        private long count;

        @Override
        public void multiply(org.workbench.api.nn.Matrix a, org.workbench.api.nn.Matrix b, org.workbench.api.nn.Matrix c) {
            count++;
            products.multiply(a, b, c);
        }

        @Override
        public void multiplyTransA(org.workbench.api.nn.Matrix a, org.workbench.api.nn.Matrix b, org.workbench.api.nn.Matrix c) {
            count++;
            products.multiplyTransA(a, b, c);
        }

        @Override
        public void multiplyTransB(org.workbench.api.nn.Matrix a, org.workbench.api.nn.Matrix b, org.workbench.api.nn.Matrix c) {
            count++;
            products.multiplyTransB(a, b, c);
        }

        @Override
        public ResultTree details() {
            return new ResultTree().put("products", count);
        }
    }
}
