package org.workbench.loss.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.workbench.api.nn.Loss;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;

/** Losses against naive formulas, central differences, and at extreme inputs. */
class LossTest {
    private static final double[][] LOGITS = {{0.3, -1.2, 2.0}, {1.0, 1.0, 1.0}, {-0.5, 0.7, 0.1}};
    private static final double[] LABELS = {2, 0, 1};

    @Test
    void softmaxMatchesTheNaiveFormula() {
        Loss loss = new SoftmaxCrossEntropy();
        Matrix g = Matrix.zeros(Precision.DOUBLE, 1, 1);
        double value = loss.evaluate(Matrix.ofRows(LOGITS), LABELS, 0, g);
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            double s = 0;
            for (double z : LOGITS[i]) {
                s += Math.exp(z);
            }
            expected += -Math.log(Math.exp(LOGITS[i][(int) LABELS[i]]) / s);
            for (int j = 0; j < 3; j++) {
                double p = Math.exp(LOGITS[i][j]) / s;
                assertEquals((p - (j == LABELS[i] ? 1 : 0)) / 3, g.get(i, j), 1e-15);
            }
        }
        assertEquals(expected / 3, value, 1e-14);
    }

    @Test
    void softmaxGradientMatchesCentralDifferences() {
        checkGradient(new SoftmaxCrossEntropy(), LOGITS, LABELS);
    }

    @Test
    void softmaxIsFiniteAtExtremeLogitsInBothPrecisions() {
        for (Precision p : Precision.values()) {
            Matrix z = Matrix.zeros(p, 2, 3);
            z.set(0, 0, 1000);
            z.set(0, 1, -1000);
            z.set(1, 2, -3e4);
            Matrix g = Matrix.zeros(p, 1, 1);
            double value = new SoftmaxCrossEntropy().evaluate(z, new double[] {1, 2}, 0, g);
            assertEquals((2000 + 3e4 + Math.log(2)) / 2, value, 1e-9 * 3e4);
            for (int k = 0; k < g.size(); k++) {
                assertTrue(Double.isFinite(g.at(k)));
            }
            assertEquals(0.5, g.get(0, 0), 1e-7);
            assertEquals(-0.5, g.get(0, 1), 1e-7);
        }
    }

    @Test
    void floatSoftmaxAgreesWithDouble() {
        Matrix d = Matrix.ofRows(LOGITS);
        Matrix f = Matrix.zeros(Precision.FLOAT, 3, 3);
        f.copyFrom(d);
        Matrix gd = Matrix.zeros(Precision.DOUBLE, 1, 1);
        Matrix gf = Matrix.zeros(Precision.FLOAT, 1, 1);
        Loss loss = new SoftmaxCrossEntropy();
        assertEquals(loss.evaluate(d, LABELS, 0, gd), loss.evaluate(f, LABELS, 0, gf), 1e-6);
        for (int k = 0; k < 9; k++) {
            assertEquals(gd.at(k), gf.at(k), 1e-7);
        }
    }

    @Test
    void softmaxRejectsAForeignLabel() {
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxCrossEntropy()
                .evaluate(Matrix.ofRows(LOGITS), new double[] {0, 3, 1}, 0, Matrix.zeros(Precision.DOUBLE, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxCrossEntropy()
                .evaluate(Matrix.ofRows(LOGITS), new double[] {0, 1.5, 1}, 0, Matrix.zeros(Precision.DOUBLE, 1, 1)));
    }

    @Test
    void predictionsAreTheArgmax() {
        int[] classes = new int[3];
        new SoftmaxCrossEntropy().predict(Matrix.ofRows(LOGITS), classes);
        assertArrayEquals(new int[] {2, 0, 1}, classes);
    }

    @Test
    void bceFromProbabilitiesMatchesTheHomeworkFormula() {
        double[][] p = {{0.8}, {0.3}, {0.5}};
        double[] y = {1, 0, 1};
        Matrix g = Matrix.zeros(Precision.DOUBLE, 1, 1);
        double value = new BinaryCrossEntropy(false).evaluate(Matrix.ofRows(p), y, 0, g);
        double expected = -(Math.log(0.8) + Math.log(0.7) + Math.log(0.5)) / 3;
        assertEquals(expected, value, 1e-15);
        assertEquals(-1 / 0.8 / 3, g.get(0, 0), 1e-15);
        assertEquals(1 / 0.7 / 3, g.get(1, 0), 1e-15);
        checkGradient(new BinaryCrossEntropy(false), p, new double[] {1, 0, 0.25});
    }

    @Test
    void bceFromProbabilitiesHasNoLogOfZero() {
        Matrix g = Matrix.zeros(Precision.FLOAT, 1, 1);
        Matrix p = Matrix.zeros(Precision.FLOAT, 2, 1);
        p.set(0, 0, 0.0);
        p.set(1, 0, 1.0);
        double value = new BinaryCrossEntropy(false).evaluate(p, new double[] {1, 0}, 0, g);
        assertEquals(-Math.log(BinaryCrossEntropy.CLAMP), value, 1e-3);
        assertTrue(Double.isFinite(g.at(0)) && Double.isFinite(g.at(1)));
    }

    @Test
    void bceFromLogitsMatchesTheNaiveFormulaAndStaysFinite() {
        double[][] a = {{0.4}, {-2.0}, {3.0}};
        double[] y = {1, 0, 0};
        Matrix g = Matrix.zeros(Precision.DOUBLE, 1, 1);
        double value = new BinaryCrossEntropy(true).evaluate(Matrix.ofRows(a), y, 0, g);
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            double p = 1 / (1 + Math.exp(-a[i][0]));
            expected += -(y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p));
            assertEquals((p - y[i]) / 3, g.get(i, 0), 1e-15);
        }
        assertEquals(expected / 3, value, 1e-14);
        checkGradient(new BinaryCrossEntropy(true), a, y);
        double extreme = new BinaryCrossEntropy(true).evaluate(Matrix.ofRows(new double[][] {{800}, {-800}}),
                new double[] {0, 1}, 0, g);
        assertEquals(800, extreme, 1e-12);
        assertEquals(0.5, g.get(0, 0), 1e-15);
        assertEquals(-0.5, g.get(1, 0), 1e-15);
    }

    @Test
    void bcePredictsByThreshold() {
        int[] c = new int[2];
        new BinaryCrossEntropy(false).predict(Matrix.ofRows(new double[][] {{0.7}, {0.2}}), c);
        assertArrayEquals(new int[] {1, 0}, c);
        new BinaryCrossEntropy(true).predict(Matrix.ofRows(new double[][] {{-0.1}, {0.2}}), c);
        assertArrayEquals(new int[] {0, 1}, c);
    }

    @Test
    void targetsAreReadFromTheOffset() {
        Matrix g = Matrix.zeros(Precision.DOUBLE, 1, 1);
        double at0 = new SoftmaxCrossEntropy().evaluate(Matrix.ofRows(LOGITS), LABELS, 0, g);
        double[] shifted = {9, 9, 2, 0, 1};
        assertEquals(at0, new SoftmaxCrossEntropy().evaluate(Matrix.ofRows(LOGITS), shifted, 2, g), 0.0);
    }

    private static void checkGradient(Loss loss, double[][] outputs, double[] targets) {
        Matrix out = Matrix.ofRows(outputs);
        Matrix g = Matrix.zeros(Precision.DOUBLE, 1, 1);
        loss.evaluate(out, targets, 0, g);
        Matrix scratch = Matrix.zeros(Precision.DOUBLE, 1, 1);
        double h = 1e-6;
        for (int k = 0; k < out.size(); k++) {
            double saved = out.doubles()[k];
            out.doubles()[k] = saved + h;
            double up = loss.evaluate(out, targets, 0, scratch);
            out.doubles()[k] = saved - h;
            double down = loss.evaluate(out, targets, 0, scratch);
            out.doubles()[k] = saved;
            assertEquals((up - down) / (2 * h), g.at(k), 1e-8, "element " + k);
        }
    }
}
