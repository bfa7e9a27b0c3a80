package org.workbench.optimizer.sgd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.workbench.api.Parameters;
import org.workbench.api.Provider;
import org.workbench.api.nn.GradientOptimizer;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;
import org.workbench.api.nn.Weights;
import org.workbench.api.testing.ProviderContract;

class SgdProviderTest extends ProviderContract<GradientOptimizer> {
    @Override
    protected Provider<GradientOptimizer> provider() {
        return new SgdProvider();
    }

    @Test
    void stepSubtractsTheScaledGradientInBothPrecisions() {
        GradientOptimizer sgd = provider().create(
                Parameters.withDefaults(provider().parameters(), Map.of("learningRate", 0.5)), context());
        for (Precision p : Precision.values()) {
            Matrix value = Matrix.zeros(p, 1, 3);
            Matrix gradient = Matrix.zeros(p, 1, 3);
            for (int j = 0; j < 3; j++) {
                value.set(0, j, j);
                gradient.set(0, j, 1 - j);
            }
            sgd.step(List.of(new Weights("W", value, gradient)));
            sgd.step(List.of(new Weights("W", value, gradient)));
            for (int j = 0; j < 3; j++) {
                assertEquals(j - (1 - j), value.get(0, j), 1e-7);
                assertEquals(1 - j, gradient.get(0, j), 0.0);
            }
        }
    }

    @Test
    void minimisesAQuadratic() {
        GradientOptimizer sgd = provider().create(Parameters.withDefaults(provider().parameters(), Map.of()), context());
        Matrix x = Matrix.ofRows(new double[][] {{3, -4}});
        Matrix g = Matrix.zeros(Precision.DOUBLE, 1, 2);
        Weights w = new Weights("x", x, g);
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < 2; j++) {
                g.set(0, j, 2 * (x.get(0, j) - 1));
            }
            sgd.step(List.of(w));
        }
        assertEquals(1.0, x.get(0, 0), 1e-12);
        assertEquals(1.0, x.get(0, 1), 1e-12);
    }
}
