package org.workbench.task.trainclassifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.api.DataSource;
import org.workbench.api.Dataset;
import org.workbench.api.Parameters;
import org.workbench.api.Stateful;
import org.workbench.api.nn.GradientOptimizer;
import org.workbench.api.nn.Weights;
import org.workbench.api.testing.TestContext;
import org.workbench.api.testing.TestTaskContext;
import org.workbench.backend.ejml.EjmlBackend;
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
        base.offerNewer("optimizer", second);
        new TrainClassifierProvider().create(with, base).run(base);
        assertEquals(1, first.steps);
        assertEquals(2, second.steps);
        assertEquals(List.of("first"), second.imported);
        assertTrue(base.progressLines().stream().anyMatch(l -> l.contains("state carried over")));
        assertTrue(base.plots().get(0).series().stream()
                .anyMatch(s -> s.name().equals("hot swap before epoch 2") && s.x()[0] == 1.5 && s.x()[1] == 1.5),
                "the training plot marks the swap between epochs 1 and 2");
        for (var plot : base.plots()) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (var s : plot.series()) {
                if (!s.name().startsWith("hot swap")) {
                    low = Math.min(low, java.util.Arrays.stream(s.y()).min().orElseThrow());
                    high = Math.max(high, java.util.Arrays.stream(s.y()).max().orElseThrow());
                }
            }
            for (var s : plot.series()) {
                if (s.name().startsWith("hot swap")) {
                    assertEquals(low, s.y()[0], 0.0, plot.name() + ": the mark starts at the curves' lowest value");
                    assertEquals(high, s.y()[1], 0.0, plot.name() + ": and ends at their highest, stretching no axis");
                }
            }
        }
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
}
