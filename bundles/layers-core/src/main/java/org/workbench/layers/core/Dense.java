package org.workbench.layers.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.workbench.api.ComponentContext;
import org.workbench.api.nn.Backend;
import org.workbench.api.nn.Layer;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;
import org.workbench.api.nn.Weights;

/**
 * Fully connected layer {@code y = W x + b} on a batch: Y = X W^T + 1 b^T with W of shape
 * {@code out x in} (as in the homework's {@code W1 x}) and b of shape {@code out x 1}.
 * Weights start N(0, initStddev^2) from the component's random stream, biases 0; a layer made by
 * its provider keeps W and b as they are at its first forward pass as inputs of the run (one row per output).
 */
final class Dense implements Layer {
    private final int out;
    private final double initStddev;
    private final SplittableRandom random;
    private final ComponentContext context;
    private Backend backend;
    private Precision precision;
    private Weights w;
    private Weights b;
    private Matrix input;
    private Matrix output;
    private Matrix inputGradient;
    private boolean initialKept = true;

    Dense(int out, double initStddev, SplittableRandom random) {
        this(out, initStddev, random, null);
    }

    /** A layer drawing from its component's stream that keeps its initial weights as an input of the run. */
    Dense(int out, double initStddev, ComponentContext context) {
        this(out, initStddev, context.random(), context);
    }

    private Dense(int out, double initStddev, SplittableRandom random, ComponentContext context) {
        this.out = out;
        this.initStddev = initStddev;
        this.random = random;
        this.context = context;
    }

    @Override
    public int build(int inputWidth, Precision p, Backend products) {
        if (inputWidth < 1) {
            throw new IllegalArgumentException("dense layer needs an input width of at least 1, got " + inputWidth);
        }
        this.backend = products;
        this.precision = p;
        Matrix weights = Matrix.zeros(p, out, inputWidth);
        for (int k = 0; k < out * inputWidth; k++) {
            double v = initStddev * random.nextGaussian();
            if (p == Precision.DOUBLE) {
                weights.doubles()[k] = v;
            } else {
                weights.floats()[k] = (float) v;
            }
        }
        w = new Weights("W", weights, Matrix.zeros(p, out, inputWidth));
        b = new Weights("b", Matrix.zeros(p, out, 1), Matrix.zeros(p, out, 1));
        initialKept = context == null;
        return out;
    }

    /**
     * Keeps W and b as the run's inputs at the first forward pass: the weights drawn from the seed,
     * or those a task assigned after {@link #build} (the gradient check's given parameters).
     */
    private void keepInitialParameters() {
        initialKept = true;
        Matrix weights = w.value();
        List<String> columns = new ArrayList<>(weights.columns());
        for (int j = 1; j <= weights.columns(); j++) {
            columns.add("in" + j);
        }
        context.generated("W", columns, out, (row, column) -> weights.get(row, column));
        Matrix bias = b.value();
        context.generated("b", List.of("b"), out, (row, column) -> bias.get(row, 0));
    }

    @Override
    // handin:begin dense-forward
    public Matrix forward(Matrix x) {
        Shapes.requireBuilt(w != null, "dense");
        if (!initialKept) {
            keepInitialParameters();
        }
        Shapes.requireInput(x, precision, w.value().columns(), "dense");
        input = x;
        output = Matrix.reuse(output, precision, x.rows(), out);
        backend.multiplyTransB(x, w.value(), output); // Y = X W^T, the backend's matrix product
        int n = x.rows();
        if (precision == Precision.DOUBLE) {
            double[] y = output.doubles();
            double[] bias = b.value().doubles();
            for (int i = 0; i < n; i++) {
                int row = i * out;
                for (int j = 0; j < out; j++) {
                    y[row + j] += bias[j];
                }
            }
        } else {
            float[] y = output.floats();
            float[] bias = b.value().floats();
            for (int i = 0; i < n; i++) {
                int row = i * out;
                for (int j = 0; j < out; j++) {
                    y[row + j] += bias[j];
                }
            }
        }
        return output;
    }
    // handin:end

    @Override
    // handin:begin dense-backward
    public Matrix backward(Matrix g, boolean needInputGradient) {
        Shapes.requireForward(input, "dense");
        Shapes.requireGradient(g, output);
        backend.multiplyTransA(g, input, w.gradient()); // dW = G^T X
        int n = g.rows();
        if (precision == Precision.DOUBLE) {
            double[] gd = g.doubles();
            double[] db = b.gradient().doubles();
            Arrays.fill(db, 0, out, 0);
            for (int i = 0; i < n; i++) {
                int row = i * out;
                for (int j = 0; j < out; j++) {
                    db[j] += gd[row + j];
                }
            }
        } else {
            float[] gf = g.floats();
            float[] db = b.gradient().floats();
            Arrays.fill(db, 0, out, 0f);
            for (int i = 0; i < n; i++) {
                int row = i * out;
                for (int j = 0; j < out; j++) {
                    db[j] += gf[row + j];
                }
            }
        }
        if (!needInputGradient) {
            return null;
        }
        inputGradient = Matrix.reuse(inputGradient, precision, n, w.value().columns());
        backend.multiply(g, w.value(), inputGradient); // dX = G W
        return inputGradient;
    }
    // handin:end

    @Override
    public List<Weights> weights() {
        Shapes.requireBuilt(w != null, "dense");
        return List.of(w, b);
    }

    @Override
    public String toString() {
        return "dense(" + out + ")";
    }
}
