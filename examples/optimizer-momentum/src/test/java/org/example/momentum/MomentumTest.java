package org.example.momentum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Weights;

class MomentumTest {
    @Test
    void minimisesAQuadraticFasterThanItsFirstStep() {
        // f(theta) = 0.5 * theta^2, gradient theta; with beta = 0 this is plain gradient descent
        Matrix theta = Matrix.ofRows(new double[][] {{4.0}});
        Matrix grad = Matrix.ofRows(new double[][] {{0.0}});
        Momentum m = new Momentum(0.1, 0.9);
        for (int i = 0; i < 300; i++) {
            grad.set(0, 0, theta.get(0, 0));
            m.step(List.of(new Weights("w", theta, grad)));
        }
        assertEquals(0.0, theta.get(0, 0), 1e-6);
    }

    @Test
    void firstStepsFollowTheRecurrence() {
        Matrix theta = Matrix.ofRows(new double[][] {{1.0, 2.0}});
        Matrix grad = Matrix.ofRows(new double[][] {{0.5, -1.0}});
        Momentum m = new Momentum(0.1, 0.5);
        m.step(List.of(new Weights("w", theta, grad)));
        m.step(List.of(new Weights("w", theta, grad)));
        // v1 = g, v2 = 1.5 g; theta = theta0 - 0.1 * 2.5 g
        assertArrayEquals(new double[] {1.0 - 0.25 * 0.5, 2.0 + 0.25}, theta.doubles(), 1e-15);
    }

    @Test
    void stateCarriesOverToASuccessor() {
        Matrix theta = Matrix.ofRows(new double[][] {{1.0}});
        Matrix grad = Matrix.ofRows(new double[][] {{1.0}});
        Momentum first = new Momentum(0.1, 0.5);
        first.step(List.of(new Weights("w", theta, grad)));
        Momentum second = new Momentum(0.1, 0.5);
        second.importState(first.exportState());
        Matrix a = Matrix.ofRows(new double[][] {{0.0}});
        Matrix b = Matrix.ofRows(new double[][] {{0.0}});
        first.step(List.of(new Weights("w", a, grad)));
        second.step(List.of(new Weights("w", b, grad)));
        assertEquals(a.get(0, 0), b.get(0, 0), 0.0);
    }
}
