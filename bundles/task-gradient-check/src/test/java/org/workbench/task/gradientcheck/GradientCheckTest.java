package org.workbench.task.gradientcheck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.workbench.backend.ejml.EjmlBackend;

/** The task run on the real layer and loss providers through a {@link TestTaskContext}. */
class GradientCheckTest extends ProviderContract<Task> {
    private static final double[][] X = {{0.5, -1.0, 2.0}, {1.5, 0.3, -0.7}, {-0.2, 0.8, 0.1}, {1.0, 1.0, -1.0}, {0.0, -0.4, 0.9}};
    private static final double[] Y = {1, 0, 1, 0, 1};

    @TempDir
    Path folder;

    @Override
    protected Provider<Task> provider() {
        return new GradientCheckProvider();
    }

    @Override
    protected Map<String, Object> minimalParameters() {
        return Map.of("x", X, "y", Y);
    }

    @Test
    void threeRoutesAgreeWithSeededInitialisation() throws Exception {
        ResultTree r = run(Map.of("x", X, "y", Y), homeworkNetwork(4, 0.8));
        assertEquals("seeded", r.get("initialisation"));
        DeclaredResultKeys.assertMatch(new GradientCheckProvider(), List.of(r));
        assertTrue(r.number("maxRelativeError") <= 1e-7, "max relative error " + r.number("maxRelativeError"));
        assertTrue(r.number("relativeError.backpropVsClosedForm") <= 1e-12);
        assertEquals(5L, r.get("N"));
        assertEquals(3L, r.get("M"));
        assertEquals(4L, r.get("H"));
        assertEquals(List.of(4, 3), r.get("shapes.W1"));
        assertEquals(List.of(4, 1), r.get("shapes.b1"));
        assertEquals(List.of(1, 4), r.get("shapes.W2"));
        assertEquals(List.of(1, 1), r.get("shapes.b2"));
        assertEquals(List.of(4, 1), r.get("shapes.a1"));
        assertEquals(List.of(4, 1), r.get("shapes.z1"));
        assertEquals(List.of(1, 1), r.get("shapes.a2"));
        assertEquals(List.of(1, 1), r.get("shapes.yHat"));
        assertEquals(List.of(5, 4), r.get("shapes.batch.a1"));
        assertEquals(4, ((double[][]) r.get("gradients.b1")).length);
        assertEquals(1, ((double[][]) r.get("gradients.b1"))[0].length);
        assertEquals(1, ((double[][]) r.get("gradients.b2")).length);
        assertEquals(1, ((double[][]) r.get("finiteDifference.b2"))[0].length);
        assertEquals(1, ((double[][]) r.get("closedForm.W2")).length);
    }

    @Test
    void givenParametersReproduceAHandComputation() throws Exception {
        Map<String, Object> with = new HashMap<>();
        with.put("x", new double[][] {{1.0, 2.0}});
        with.put("y", new double[] {1});
        with.put("parameters", Map.of(
                "W1", new double[][] {{0.1, -0.2}, {0.3, 0.4}},
                "b1", new double[][] {{0.0}, {0.1}},
                "W2", new double[][] {{0.5, -0.6}},
                "b2", new double[][] {{0.2}}));
        ResultTree r = run(with, homeworkNetwork(2, 0.01));
        assertEquals("given", r.get("initialisation"));
        double z11 = 1 / (1 + Math.exp(-(0.1 - 0.4)));
        double z12 = 1 / (1 + Math.exp(-(0.3 + 0.8 + 0.1)));
        double yHat = 1 / (1 + Math.exp(-(0.5 * z11 - 0.6 * z12 + 0.2)));
        assertEquals(yHat - 1, ((double[][]) r.get("closedForm.b2"))[0][0], 1e-15);
        assertEquals(yHat - 1, ((double[][]) r.get("gradients.b2"))[0][0], 1e-15);
        assertEquals((yHat - 1) * z12, ((double[][]) r.get("gradients.W2"))[0][1], 1e-15);
        double db11 = (yHat - 1) * 0.5 * z11 * (1 - z11);
        assertEquals(db11, ((double[][]) r.get("gradients.b1"))[0][0], 1e-15);
        assertEquals(db11 * 2.0, ((double[][]) r.get("gradients.W1"))[0][1], 1e-15);
        assertTrue(r.number("maxRelativeError") <= 1e-7);
    }

    @Test
    void oneDataPointWrittenAsAVectorWithANumberTargetEqualsTheSameAsOneRow() throws Exception {
        Map<String, Object> asRow = new HashMap<>();
        asRow.put("x", new double[][] {{1.0, 2.0}});
        asRow.put("y", new double[] {1});
        Map<String, Object> asVector = new HashMap<>();
        asVector.put("x", new double[] {1.0, 2.0});
        asVector.put("y", 1.0);
        ResultTree row = run(asRow, homeworkNetwork(2, 0.5));
        ResultTree vector = run(asVector, homeworkNetwork(2, 0.5));
        assertEquals("one data point (x a vector, y a number)", vector.get("input"));
        assertEquals(1L, vector.get("N"));
        assertEquals(2L, vector.get("M"));
        for (String block : List.of("W1", "b1", "W2", "b2")) {
            double[][] a = (double[][]) row.get("gradients." + block);
            double[][] b = (double[][]) vector.get("gradients." + block);
            assertEquals(a.length, b.length, block);
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(a[i], b[i], 0.0, block);
            }
        }
        assertEquals(row.number("loss"), vector.number("loss"), 0.0);
    }

    @Test
    void aVectorXWithSeveralTargetsIsRefusedNamingY() {
        Map<String, Object> with = Map.of("x", new double[] {1.0, 2.0}, "y", new double[] {1, 0});
        org.workbench.api.InvalidParameterException e = assertThrows(org.workbench.api.InvalidParameterException.class,
                () -> run(with, homeworkNetwork(2, 0.5)));
        assertEquals("y", e.parameter());
    }

    @Test
    void aNetworkThatIsNotTheHomeworksHasNoClosedFormButStillChecks() throws Exception {
        List<Layer> network = List.of(layer(new DenseProvider(), Map.of("out", 3L, "initStddev", 0.9), 1),
                layer(new ReluProvider(), Map.of(), 2), layer(new DenseProvider(), Map.of("out", 1L, "initStddev", 0.9), 3),
                layer(new SigmoidProvider(), Map.of(), 4));
        ResultTree r = run(Map.of("x", X, "y", Y), network);
        assertNull(r.get("closedForm"));
        assertTrue(((String) r.get("closedFormReason")).contains("sigmoid(a1)"), (String) r.get("closedFormReason"));
        assertTrue(r.number("maxRelativeError") <= 1e-7);
    }

    @Test
    void aWronglyShapedGivenParameterIsNamed() {
        Map<String, Object> with = Map.of("x", X, "y", Y, "parameters", Map.of("W1", new double[][] {{1, 2}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(with, homeworkNetwork(4, 0.5)));
        assertTrue(e.getMessage().startsWith("parameters.W1 is 1x2"), e.getMessage());
    }

    @Test
    void relativeErrorIsBlockwise() {
        double err = GradientCheck.relativeError(Map.of("a", new double[][] {{1, 1e-9}}), Map.of("a", new double[][] {{1, 0}}));
        assertEquals(1e-9, err, 1e-20);
        assertArrayEquals(new double[] {0.0}, new double[] {GradientCheck.relativeError(
                Map.of("a", new double[][] {{0}}), Map.of("a", new double[][] {{0}}))});
    }

    private ResultTree run(Map<String, Object> with, List<Layer> network) throws Exception {
        Parameters parameters = Parameters.withDefaults(provider().parameters(), with);
        TestTaskContext context = new TestTaskContext(181, parameters, folder);
        context.with("backend", new EjmlBackend(false));
        network.forEach(l -> context.with("network", l));
        context.with("loss", new BinaryCrossEntropyProvider().create(Parameters.withDefaults(
                new BinaryCrossEntropyProvider().parameters(), Map.of()), new TestContext("loss", 1, folder)));
        provider().create(parameters, context).run(context);
        return context.results();
    }

    private static List<Layer> homeworkNetwork(long h, double stddev) {
        return List.of(layer(new DenseProvider(), Map.of("out", h, "initStddev", stddev), 11),
                layer(new SigmoidProvider(), Map.of(), 12),
                layer(new DenseProvider(), Map.of("out", 1L, "initStddev", stddev), 13),
                layer(new SigmoidProvider(), Map.of(), 14));
    }

    private static Layer layer(Provider<Layer> provider, Map<String, Object> with, long seed) {
        return provider.create(Parameters.withDefaults(provider.parameters(), with),
                new TestContext("network", seed, Path.of(".")));
    }
}
