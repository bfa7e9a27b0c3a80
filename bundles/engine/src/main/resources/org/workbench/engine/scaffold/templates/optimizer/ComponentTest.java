package {{package}};

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;
import org.workbench.api.nn.Weights;

class {{exampleClass}}Test {
    @Test
    void minimisesAQuadratic() {
        // f(theta) = 0.5 * theta^2 has gradient theta and its minimum at 0
        Matrix theta = Matrix.ofRows(new double[][] {{4.0, -2.0}});
        Matrix grad = Matrix.zeros(Precision.DOUBLE, 1, 2);
        {{exampleClass}} optimizer = new {{exampleClass}}(0.1, 0.0);
        for (int i = 0; i < 300; i++) {
            grad.set(0, 0, theta.get(0, 0));
            grad.set(0, 1, theta.get(0, 1));
            optimizer.step(List.of(new Weights("w", theta, grad)));
        }
        assertEquals(0.0, theta.get(0, 0), 1e-9);
        assertEquals(0.0, theta.get(0, 1), 1e-9);
    }

    @Test
    void oneStepFollowsTheRule() {
        Matrix theta = Matrix.ofRows(new double[][] {{1.0}});
        Matrix grad = Matrix.ofRows(new double[][] {{0.5}});
        new {{exampleClass}}(0.1, 0.2).step(List.of(new Weights("w", theta, grad)));
        assertEquals(1.0 - 0.1 * (0.5 + 0.2 * 1.0), theta.get(0, 0), 1e-15);
    }
}
