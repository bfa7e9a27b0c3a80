package org.workbench.loss.core;

import org.workbench.api.nn.Matrix;

/** Argument checks and class handling shared by the losses. */
final class Checks {
    private Checks() {
    }

    static void distinct(Matrix output, Matrix gradient) {
        if (output == gradient) {
            throw new IllegalArgumentException("the gradient must not alias the output");
        }
        if (output.precision() != gradient.precision()) {
            throw new IllegalArgumentException("output is " + output.precision() + ", gradient " + gradient.precision());
        }
    }

    static void targets(double[] targets, int offset, int rows) {
        if (offset < 0 || offset + rows > targets.length) {
            throw new IllegalArgumentException("need targets " + offset + ".." + (offset + rows) + " but there are " + targets.length);
        }
    }

    /**
     * The class index a target names, for a loss over {@code k} classes.
     *
     * @param loss the loss's name, for the message
     */
    static int label(String loss, double target, int k, int row) {
        int y = (int) target;
        if (y != target || y < 0 || y >= k) {
            throw new IllegalArgumentException(loss + " over " + k + " classes needs a class index 0.." + (k - 1)
                    + " as target, row " + row + " has " + target);
        }
        return y;
    }

    /** Writes into {@code classes} the index of each row's largest output (the first one on ties). */
    static void argmaxPerRow(Matrix output, int[] classes) {
        int k = output.columns();
        for (int i = 0; i < output.rows(); i++) {
            int best = 0;
            double max = output.get(i, 0);
            for (int j = 1; j < k; j++) {
                double v = output.get(i, j);
                if (v > max) {
                    max = v;
                    best = j;
                }
            }
            classes[i] = best;
        }
    }
}
