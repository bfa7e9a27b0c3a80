package org.workbench.task.trainclassifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.workbench.backend.ejml.EjmlBackend;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.api.DataSource;
import org.workbench.api.Dataset;
import org.workbench.api.Parameters;
import org.workbench.api.Plot;
import org.workbench.api.Progress;
import org.workbench.api.ResultTree;
import org.workbench.api.Stateful;
import org.workbench.api.TaskContext;
import org.workbench.api.nn.GradientOptimizer;
import org.workbench.api.nn.Weights;
import org.workbench.api.testing.TestContext;
import org.workbench.api.testing.TestTaskContext;
import org.workbench.layers.core.DenseProvider;
import org.workbench.loss.core.SoftmaxCrossEntropyProvider;

/** Between epochs the task takes a newer optimizer from the engine and hands it the old one's state. */
class HotSwapTest {
    @TempDir
    Path folder;

    @Test
    void aNewerOptimizerIsSwappedInAtAnEpochBoundaryWithItsState() throws Exception {
        Parameters with = Parameters.withDefaults(new TrainClassifierProvider().parameters(),
                Map.of("epochs", 3L, "batchSize", 4L));
        TestTaskContext base = new TestTaskContext(7, with, folder);
        double[] x = {0, 1, 1, 0, 0, 1, 1, 0};
        DataSource data = () -> Dataset.of(4, 2, x, new double[] {0, 1, 0, 1});
        base.with("data", data);
        base.with("backend", new EjmlBackend(false));
        DenseProvider dense = new DenseProvider();
        base.with("network", dense.create(Parameters.withDefaults(dense.parameters(), Map.of("out", 2L)),
                new TestContext("network[0]", 1, folder)));
        base.with("loss", new SoftmaxCrossEntropyProvider().create(Parameters.empty(), new TestContext("loss", 2, folder)));
        Counting first = new Counting("first");
        Counting second = new Counting("second");
        base.with("optimizer", first);
        SwappingContext context = new SwappingContext(base, second);
        new TrainClassifierProvider().create(with, context).run(context);
        assertEquals(1, first.steps);
        assertEquals(2, second.steps);
        assertEquals(List.of("first"), second.imported);
        assertTrue(base.progressLines().stream().anyMatch(l -> l.contains("state carried over")));
    }

    /** Counts steps; its state is its name. */
    private static final class Counting implements GradientOptimizer, Stateful {
        private final String name;
        private final List<String> imported = new ArrayList<>();
        private int steps;

        Counting(String name) {
            this.name = name;
        }

        @Override
        public void step(List<Weights> weights) {
            steps++;
        }

        @Override
        public Map<String, double[]> exportState() {
            Map<String, double[]> state = new HashMap<>();
            state.put(name, new double[0]);
            return state;
        }

        @Override
        public void importState(Map<String, double[]> state) {
            imported.addAll(state.keySet());
        }
    }

    /** Offers {@code newer} as the optimizer once, at the first safe point. */
    private static final class SwappingContext implements TaskContext {
        private final TestTaskContext delegate;
        private GradientOptimizer newer;

        SwappingContext(TestTaskContext delegate, GradientOptimizer newer) {
            this.delegate = delegate;
            this.newer = newer;
        }

        @Override
        public <C> Optional<C> newerComponent(String role, Class<C> type) {
            if ("optimizer".equals(role) && newer != null) {
                C c = type.cast(newer);
                newer = null;
                return Optional.of(c);
            }
            return Optional.empty();
        }

        @Override
        public String role() {
            return delegate.role();
        }

        @Override
        public long seed() {
            return delegate.seed();
        }

        @Override
        public Path resolve(Path path) {
            return delegate.resolve(path);
        }

        @Override
        public <C> C peer(String role, Class<C> type) {
            return delegate.peer(role, type);
        }

        @Override
        public boolean hasPeer(String role) {
            return delegate.hasPeer(role);
        }

        @Override
        public Parameters parameters() {
            return delegate.parameters();
        }

        @Override
        public <C> C component(String role, Class<C> type) {
            return delegate.component(role, type);
        }

        @Override
        public <C> List<C> components(String role, Class<C> type) {
            return delegate.components(role, type);
        }

        @Override
        public ResultTree results() {
            return delegate.results();
        }

        @Override
        public void plot(Plot plot) {
            delegate.plot(plot);
        }

        @Override
        public Path artifact(String fileName) {
            return delegate.artifact(fileName);
        }

        @Override
        public Progress progress(String label, long total) {
            return delegate.progress(label, total);
        }
    }
}
