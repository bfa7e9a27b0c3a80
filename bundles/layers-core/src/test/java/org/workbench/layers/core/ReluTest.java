package org.workbench.layers.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;
import org.workbench.backend.ejml.EjmlBackend;

/**
 * The branch-free backward pass of the rectifier gives, bit for bit, what the branch
 * {@code y > 0 ? g : 0} gives, in both precisions, on outputs of which about half are 0.
 */
class ReluTest {
    @Test
    void backwardEqualsTheBranchBitForBitInFloat() {
        SplittableRandom random = new SplittableRandom(11);
        int rows = 9;
        int columns = 37;
        Relu relu = new Relu();
        relu.build(columns, Precision.FLOAT, new EjmlBackend(false));
        Matrix a = Matrix.zeros(Precision.FLOAT, rows, columns);
        Matrix g = Matrix.zeros(Precision.FLOAT, rows, columns);
        for (int k = 0; k < a.size(); k++) {
            a.floats()[k] = k % 5 == 0 ? (k % 2 == 0 ? 0f : -0f) : (float) random.nextGaussian();
            g.floats()[k] = k % 7 == 0 ? -0f : (float) random.nextGaussian() * 1e-3f;
        }
        a.floats()[1] = Float.MIN_VALUE;
        a.floats()[2] = Float.MAX_VALUE;
        a.floats()[3] = Float.POSITIVE_INFINITY;
        Matrix y = relu.forward(a);
        float[] want = new float[a.size()];
        for (int k = 0; k < want.length; k++) {
            want[k] = y.floats()[k] > 0 ? g.floats()[k] : 0f;
        }
        relu.backward(g, true);
        for (int k = 0; k < want.length; k++) {
            assertEquals(Float.floatToRawIntBits(want[k]), Float.floatToRawIntBits(g.floats()[k]),
                    "element " + k + ": output " + y.floats()[k]);
        }
    }

    @Test
    void backwardEqualsTheBranchBitForBitInDouble() {
        SplittableRandom random = new SplittableRandom(12);
        int rows = 7;
        int columns = 13;
        Relu relu = new Relu();
        relu.build(columns, Precision.DOUBLE, new EjmlBackend(false));
        Matrix a = Matrix.zeros(Precision.DOUBLE, rows, columns);
        Matrix g = Matrix.zeros(Precision.DOUBLE, rows, columns);
        for (int k = 0; k < a.size(); k++) {
            a.doubles()[k] = k % 5 == 0 ? (k % 2 == 0 ? 0.0 : -0.0) : random.nextGaussian();
            g.doubles()[k] = k % 7 == 0 ? -0.0 : random.nextGaussian();
        }
        a.doubles()[1] = Double.MIN_VALUE;
        a.doubles()[2] = Double.POSITIVE_INFINITY;
        Matrix y = relu.forward(a);
        double[] want = new double[a.size()];
        for (int k = 0; k < want.length; k++) {
            want[k] = y.doubles()[k] > 0 ? g.doubles()[k] : 0.0;
        }
        relu.backward(g, true);
        for (int k = 0; k < want.length; k++) {
            assertEquals(Double.doubleToRawLongBits(want[k]), Double.doubleToRawLongBits(g.doubles()[k]),
                    "element " + k + ": output " + y.doubles()[k]);
        }
    }
}
