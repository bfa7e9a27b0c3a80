package org.workbench.task.trainclassifier;

import org.workbench.api.Dataset;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;

/**
 * Copies chosen rows of a data set into a reusable batch matrix and their targets into a reusable
 * array. In float precision a data set stored in floats (Fashion-MNIST) is read directly, and one
 * stored in doubles may be converted once to a float copy, so that gathering a batch is a row
 * copy. Reads the data set, modifies only its own buffers.
 */
final class Batches {
    private final Dataset data;
    private final Precision precision;
    private Matrix x;
    private final double[] targets;
    private final float[] floatFeatures;

    Batches(Dataset data, Precision precision, int capacity, boolean convertOnce) {
        this.data = data;
        this.precision = precision;
        this.targets = new double[capacity];
        this.x = Matrix.zeros(precision, capacity, data.columns());
        if (precision == Precision.FLOAT && data.floatFeatures() != null) {
            floatFeatures = data.floatFeatures();
        } else if (precision == Precision.FLOAT && convertOnce) {
            double[] f = data.features();
            int size = data.rows() * data.columns();
            floatFeatures = new float[size];
            for (int k = 0; k < size; k++) {
                floatFeatures[k] = (float) f[k];
            }
        } else {
            floatFeatures = null;
        }
    }

    /** Rows {@code order[from..from+count)} as a batch; the returned matrix is overwritten by the next call. */
    Matrix gather(int[] order, int from, int count) {
        int p = data.columns();
        x = Matrix.reuse(x, precision, count, p);
        double[] y = data.targets();
        if (floatFeatures != null) {
            float[] out = x.floats();
            for (int i = 0; i < count; i++) {
                System.arraycopy(floatFeatures, order[from + i] * p, out, i * p, p);
                targets[i] = y[order[from + i]];
            }
        } else if (precision == Precision.FLOAT) {
            double[] f = data.features();
            float[] out = x.floats();
            for (int i = 0; i < count; i++) {
                int src = order[from + i] * p;
                int dst = i * p;
                for (int j = 0; j < p; j++) {
                    out[dst + j] = (float) f[src + j];
                }
                targets[i] = y[order[from + i]];
            }
        } else {
            double[] f = data.features();
            double[] out = x.doubles();
            for (int i = 0; i < count; i++) {
                System.arraycopy(f, order[from + i] * p, out, i * p, p);
                targets[i] = y[order[from + i]];
            }
        }
        return x;
    }

    /** Rows {@code from..from+count)} in order; the returned matrix is overwritten by the next call. */
    Matrix range(int from, int count) {
        int p = data.columns();
        x = Matrix.reuse(x, precision, count, p);
        float[] stored = floatFeatures != null ? floatFeatures : data.floatFeatures();
        if (precision == Precision.FLOAT && stored != null) {
            System.arraycopy(stored, from * p, x.floats(), 0, count * p);
        } else if (precision == Precision.FLOAT) {
            double[] f = data.features();
            float[] out = x.floats();
            int base = from * p;
            for (int k = 0; k < count * p; k++) {
                out[k] = (float) f[base + k];
            }
        } else {
            System.arraycopy(data.features(), from * p, x.doubles(), 0, count * p);
        }
        System.arraycopy(data.targets(), from, targets, 0, count);
        return x;
    }

    /** The targets of the last batch, from index 0. */
    double[] targets() {
        return targets;
    }
}
