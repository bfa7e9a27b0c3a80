package org.workbench.layers.core;

import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;

/** The checks every layer makes on its calls, with messages that name the layer. */
final class Shapes {
    private Shapes() {
    }

    static void requireBuilt(boolean built, String layer) {
        if (!built) {
            throw new IllegalStateException(layer + " layer used before build()");
        }
    }

    static void requireInput(Matrix x, Precision precision, int width, String layer) {
        if (x.precision() != precision) {
            throw new IllegalArgumentException(layer + " layer was built for " + precision + " but got a " + x.precision() + " batch");
        }
        if (width >= 0 && x.columns() != width) {
            throw new IllegalArgumentException(layer + " layer was built for inputs of width " + width + " but got " + x.shape());
        }
    }

    static void requireForward(Matrix input, String layer) {
        if (input == null) {
            throw new IllegalStateException(layer + " layer: backward() before forward()");
        }
    }

    static void requireGradient(Matrix g, Matrix output) {
        if (g.rows() != output.rows() || g.columns() != output.columns() || g.precision() != output.precision()) {
            throw new IllegalArgumentException("output gradient " + g + " does not match the output " + output);
        }
    }
}
