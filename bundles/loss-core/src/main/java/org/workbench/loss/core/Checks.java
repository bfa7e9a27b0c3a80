package org.workbench.loss.core;

import org.workbench.api.nn.Matrix;

/** Argument checks shared by the losses. */
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
}
