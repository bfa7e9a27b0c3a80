package {{package}};

import org.workbench.api.nn.Loss;
import org.workbench.api.nn.Matrix;

/**
 * Squared error against one-hot targets, 0.5 * sum_j (z_j - [j = y])^2 per example, averaged over
 * the batch. The class predicted is the largest output.
 */
final class {{exampleClass}} implements Loss {
    @Override
    public double evaluate(Matrix output, double[] targets, int offset, Matrix gradient) {
        int rows = output.rows();
        int classes = output.columns();
        gradient.reshape(rows, classes);
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            int y = (int) targets[offset + i];
            if (y < 0 || y >= classes || y != targets[offset + i]) {
                throw new IllegalArgumentException("target " + targets[offset + i] + " is not a class index 0.." + (classes - 1));
            }
            for (int j = 0; j < classes; j++) {
                double r = output.get(i, j) - (j == y ? 1 : 0);
                sum += 0.5 * r * r;
                gradient.set(i, j, r / rows);
            }
        }
        return sum / rows;
    }

    @Override
    public void predict(Matrix output, int[] classes) {
        for (int i = 0; i < output.rows(); i++) {
            int best = 0;
            for (int j = 1; j < output.columns(); j++) {
                if (output.get(i, j) > output.get(i, best)) {
                    best = j;
                }
            }
            classes[i] = best;
        }
    }
}
