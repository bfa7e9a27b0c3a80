package org.workbench.task.gradientcheck;

import java.util.Map;

/**
 * Problem 3.2's closed forms for y-hat = s(W2 s(W1 x + b1) + b2) with the binary cross-entropy,
 * averaged over the N data points (the loss is the batch mean):
 * dL/db2 = yhat - y; dL/dW2^h = (yhat - y) z1^h; dL/db1^h = (yhat - y) W2^h z1^h (1 - z1^h);
 * dL/dW1^{h,m} = (yhat - y) W2^h z1^h (1 - z1^h) x^m. Its own forward pass, in plain loops,
 * is independent of the layer bundles. Modifies nothing it is given.
 */
final class ClosedForm {
    final double[][] a1;
    final double[][] z1;
    final double[] a2;
    final double[] yHat;
    final double loss;
    final double[][] dW1;
    final double[] db1;
    final double[][] dW2;
    final double[] db2;

    /** @param w1 H x M, b1 H x 1, w2 1 x H, b2 1 x 1 */
    ClosedForm(double[][] x, double[] y, double[][] w1, double[][] b1, double[][] w2, double[][] b2) {
        int n = x.length;
        int m = x[0].length;
        int h = w1.length;
        a1 = new double[n][h];
        z1 = new double[n][h];
        a2 = new double[n];
        yHat = new double[n];
        dW1 = new double[h][m];
        db1 = new double[h];
        dW2 = new double[1][h];
        db2 = new double[1];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double s = b2[0][0];
            for (int k = 0; k < h; k++) {
                double a = b1[k][0];
                for (int j = 0; j < m; j++) {
                    a += w1[k][j] * x[i][j];
                }
                a1[i][k] = a;
                z1[i][k] = sigmoid(a);
                s += w2[0][k] * z1[i][k];
            }
            a2[i] = s;
            yHat[i] = sigmoid(s);
            sum += -(y[i] * Math.log(yHat[i]) + (1 - y[i]) * Math.log1p(-yHat[i]));
            double delta2 = yHat[i] - y[i];
            db2[0] += delta2 / n;
            for (int k = 0; k < h; k++) {
                dW2[0][k] += delta2 * z1[i][k] / n;
                double delta1 = delta2 * w2[0][k] * z1[i][k] * (1 - z1[i][k]);
                db1[k] += delta1 / n;
                for (int j = 0; j < m; j++) {
                    dW1[k][j] += delta1 * x[i][j] / n;
                }
            }
        }
        loss = sum / n;
    }

    /** The gradients under the blocks' names. */
    Map<String, double[][]> gradients() {
        return Map.of("W1", dW1, "b1", column(db1), "W2", dW2, "b2", column(db2));
    }

    private static double[][] column(double[] v) {
        double[][] c = new double[v.length][1];
        for (int i = 0; i < v.length; i++) {
            c[i][0] = v[i];
        }
        return c;
    }

    static double sigmoid(double a) {
        if (a >= 0) {
            return 1 / (1 + Math.exp(-a));
        }
        double e = Math.exp(a);
        return e / (1 + e);
    }
}
