package {{package}};

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;

class {{exampleClass}}Test {
    private final {{exampleClass}} loss = new {{exampleClass}}();
    private final double[] targets = {2, 0};

    @Test
    void gradientMatchesCentralDifferences() {
        Matrix z = Matrix.ofRows(new double[][] {{0.1, -0.4, 0.9}, {1.2, 0.3, -0.2}});
        Matrix gradient = Matrix.zeros(Precision.DOUBLE, 2, 3);
        loss.evaluate(z, targets, 0, gradient);
        Matrix scratch = Matrix.zeros(Precision.DOUBLE, 2, 3);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                double v = z.get(i, j);
                z.set(i, j, v + 1e-6);
                double up = loss.evaluate(z, targets, 0, scratch);
                z.set(i, j, v - 1e-6);
                double down = loss.evaluate(z, targets, 0, scratch);
                z.set(i, j, v);
                assertEquals((up - down) / 2e-6, gradient.get(i, j), 1e-8);
            }
        }
    }

    @Test
    void predictsTheLargestOutput() {
        int[] classes = new int[2];
        loss.predict(Matrix.ofRows(new double[][] {{0.1, -0.4, 0.9}, {1.2, 0.3, -0.2}}), classes);
        assertArrayEquals(new int[] {2, 0}, classes);
    }
}
