package {{package}};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;

class {{exampleClass}}Test {
    @Test
    void backwardMatchesCentralDifferences() {
        {{exampleClass}} layer = new {{exampleClass}}();
        assertEquals(3, layer.build(3, Precision.DOUBLE, null));
        Matrix x = Matrix.ofRows(new double[][] {{-1.5, 0.0, 0.8}, {2.0, -0.3, 0.1}});
        Matrix upstream = Matrix.ofRows(new double[][] {{0.2, -1.0, 0.5}, {1.0, 0.3, -0.7}});
        layer.forward(x);
        Matrix gradient = layer.backward(upstream, true);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                double a = x.get(i, j);
                double fd = (Math.tanh(a + 1e-6) - Math.tanh(a - 1e-6)) / 2e-6 * upstream.get(i, j);
                assertEquals(fd, gradient.get(i, j), 1e-8);
            }
        }
        assertNull(layer.backward(upstream, false));
    }
}
