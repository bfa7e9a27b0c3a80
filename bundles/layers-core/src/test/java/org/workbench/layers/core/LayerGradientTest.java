package org.workbench.layers.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.workbench.api.nn.Layer;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;
import org.workbench.api.nn.Weights;
import org.workbench.backend.ejml.EjmlBackend;

/**
 * Each layer's backward pass against central finite differences of f(x, theta) = sum(R o layer(x))
 * for a fixed random R, in double; tolerance 1e-7 absolute on gradients of order 1.
 */
class LayerGradientTest {
    private static final double H = 1e-6;
    private static final double TOLERANCE = 1e-7;
    private final SplittableRandom random = new SplittableRandom(42);

    @Test
    void denseGradientsMatchFiniteDifferences() {
        check(new Dense(4, 0.7, new SplittableRandom(1)), 5, 3, false);
    }

    @Test
    void sigmoidGradientMatchesFiniteDifferences() {
        check(new Sigmoid(), 6, 4, false);
    }

    @Test
    void reluGradientMatchesFiniteDifferencesAwayFromTheKink() {
        check(new Relu(), 6, 4, true);
    }

    @Test
    void softmaxGradientMatchesFiniteDifferences() {
        check(new Softmax(), 6, 4, false);
    }

    @Test
    void softmaxRowsArePositiveAndSumToOneEvenForHugeScores() {
        Softmax softmax = new Softmax();
        softmax.build(3, Precision.DOUBLE, new EjmlBackend(false));
        Matrix y = softmax.forward(Matrix.ofRows(new double[][] {{1000, 1001, 999}, {-5, 0, 5}}));
        for (int i = 0; i < 2; i++) {
            assertEquals(1.0, y.get(i, 0) + y.get(i, 1) + y.get(i, 2), 1e-15);
        }
        double e = Math.exp(1);
        assertEquals(e / (1 + e + 1 / e), y.get(0, 1), 1e-15);
    }

    @Test
    void denseComputesWxPlusBAndStartsWithZeroBias() {
        Dense dense = new Dense(2, 1.0, new SplittableRandom(3));
        dense.build(3, Precision.DOUBLE, new EjmlBackend(false));
        Weights w = dense.weights().get(0);
        Weights b = dense.weights().get(1);
        assertEquals(0.0, b.value().get(1, 0));
        b.value().set(0, 0, 0.5);
        b.value().set(1, 0, -1.5);
        Matrix x = Matrix.ofRows(new double[][] {{1, 2, 3}});
        Matrix y = dense.forward(x);
        for (int h = 0; h < 2; h++) {
            double expected = b.value().get(h, 0);
            for (int m = 0; m < 3; m++) {
                expected += w.value().get(h, m) * x.get(0, m);
            }
            assertEquals(expected, y.get(0, h), 1e-14);
        }
        assertEquals(2, w.value().rows());
        assertEquals(3, w.value().columns());
    }

    @Test
    void initialWeightsHaveTheRequestedSpread() {
        Dense dense = new Dense(200, 0.01, new SplittableRandom(5));
        dense.build(500, Precision.FLOAT, new EjmlBackend(false));
        Matrix w = dense.weights().get(0).value();
        double sum = 0;
        double sumSq = 0;
        for (int k = 0; k < w.size(); k++) {
            sum += w.at(k);
            sumSq += w.at(k) * w.at(k);
        }
        int n = w.size();
        assertEquals(0.0, sum / n, 5 * 0.01 / Math.sqrt(n));
        assertEquals(1e-4, sumSq / n, 5 * 1e-4 * Math.sqrt(2.0 / n));
    }

    @Test
    void floatAndDoubleForwardAgree() {
        for (Precision p : Precision.values()) {
            assertEquals(p, build(new Relu(), p).forward(Matrix.zeros(p, 2, 3)).precision());
        }
        Dense d = new Dense(3, 0.5, new SplittableRandom(9));
        Dense f = new Dense(3, 0.5, new SplittableRandom(9));
        d.build(4, Precision.DOUBLE, new EjmlBackend(false));
        f.build(4, Precision.FLOAT, new EjmlBackend(false));
        Matrix xd = randomMatrix(Precision.DOUBLE, 5, 4, false);
        Matrix xf = Matrix.zeros(Precision.FLOAT, 5, 4);
        xf.copyFrom(xd);
        Matrix yd = d.forward(xd);
        Matrix yf = f.forward(xf);
        for (int k = 0; k < yd.size(); k++) {
            assertEquals(yd.at(k), yf.at(k), 1e-5);
        }
    }

    @Test
    void wrongWidthIsRejected() {
        Dense dense = new Dense(2, 1.0, new SplittableRandom(3));
        dense.build(3, Precision.DOUBLE, new EjmlBackend(false));
        assertThrows(IllegalArgumentException.class, () -> dense.forward(Matrix.zeros(Precision.DOUBLE, 1, 4)));
        assertThrows(IllegalArgumentException.class, () -> dense.forward(Matrix.zeros(Precision.FLOAT, 1, 3)));
    }

    @Test
    void firstLayerSkipsTheInputGradient() {
        Layer dense = new Dense(2, 1.0, new SplittableRandom(3));
        dense.build(3, Precision.DOUBLE, new EjmlBackend(false));
        dense.forward(Matrix.zeros(Precision.DOUBLE, 4, 3));
        assertNull(dense.backward(Matrix.zeros(Precision.DOUBLE, 4, 2), false));
    }

    private static Layer build(Layer layer, Precision p) {
        layer.build(3, p, new EjmlBackend(false));
        return layer;
    }

    private void check(Layer layer, int rows, int width, boolean avoidZero) {
        int outWidth = layer.build(width, Precision.DOUBLE, new EjmlBackend(false));
        Matrix x = randomMatrix(Precision.DOUBLE, rows, width, avoidZero);
        Matrix r = randomMatrix(Precision.DOUBLE, rows, outWidth, false);
        layer.forward(x);
        Matrix g = Matrix.zeros(Precision.DOUBLE, rows, outWidth);
        g.copyFrom(r);
        Matrix dx = layer.backward(g, true);
        Matrix dxCopy = Matrix.zeros(Precision.DOUBLE, rows, width);
        dxCopy.copyFrom(dx);
        for (int k = 0; k < x.size(); k++) {
            double fd = centralDifference(layer, x, r, x, k);
            assertEquals(fd, dxCopy.at(k), TOLERANCE, "dL/dx[" + k + "] of " + layer);
        }
        for (Weights w : layer.weights()) {
            for (int k = 0; k < w.value().size(); k++) {
                double fd = centralDifference(layer, x, r, w.value(), k);
                assertEquals(fd, w.gradient().at(k), TOLERANCE, "dL/d" + w.name() + "[" + k + "] of " + layer);
            }
        }
    }

    private static double centralDifference(Layer layer, Matrix x, Matrix r, Matrix target, int k) {
        double[] data = target.doubles();
        double saved = data[k];
        data[k] = saved + H;
        double up = weightedSum(layer.forward(x), r);
        data[k] = saved - H;
        double down = weightedSum(layer.forward(x), r);
        data[k] = saved;
        return (up - down) / (2 * H);
    }

    private static double weightedSum(Matrix y, Matrix r) {
        double s = 0;
        for (int k = 0; k < y.size(); k++) {
            s += y.at(k) * r.at(k);
        }
        return s;
    }

    private Matrix randomMatrix(Precision p, int rows, int cols, boolean avoidZero) {
        Matrix m = Matrix.zeros(p, rows, cols);
        for (int k = 0; k < rows * cols; k++) {
            double v = random.nextDouble(-2, 2);
            if (avoidZero && Math.abs(v) < 0.1) {
                v += Math.signum(v + 1e-300) * 0.1;
            }
            m.set(k / cols, k % cols, v);
        }
        return m;
    }
}
