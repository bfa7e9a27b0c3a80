package org.workbench.task.trainclassifier;

import org.workbench.api.Dataset;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;

/**
 * Copies chosen rows of a data set into a reusable batch matrix of the network's precision, and
 * their targets into a reusable array. Reads each row from the data set's own storage: floats are
 * copied, bytes (Fashion-MNIST's pixels, {@link Dataset#ofBytes}) converted through a 256-entry
 * table, so no second copy of the data set is made; in float precision a data set stored in
 * doubles may be converted once to a float copy so that gathering a batch is a row copy. Byte rows
 * are first copied whole into a reusable byte buffer and then converted in one pass over the batch:
 * the row copies take the cache misses of rows scattered over the data set, and the table loop
 * runs over contiguous memory (measured 30 against 40 ms an epoch of Fashion-MNIST for converting
 * each row where it lies). Reads the data set, modifies only its own buffers.
 */
final class Batches {
    private final Dataset data;
    private final Precision precision;
    private final int columns;
    private final double[] targets;
    private final float[] floats;
    private final byte[] bytes;
    private final double[] doubles;
    private final float[] byteToFloat = new float[256];
    private final double[] byteToDouble = new double[256];
    private final byte[] rowBytes;
    private Matrix x;

    Batches(Dataset data, Precision precision, int capacity, boolean convertOnce) {
        this.data = data;
        this.precision = precision;
        this.columns = data.columns();
        this.targets = new double[capacity];
        this.x = Matrix.zeros(precision, capacity, columns);
        this.bytes = data.byteFeatures();
        this.rowBytes = bytes == null ? null : new byte[Math.multiplyExact(capacity, columns)];
        for (int v = 0; v < 256; v++) {
            byteToFloat[v] = v * data.byteScale();
            byteToDouble[v] = byteToFloat[v];
        }
        if (data.floatFeatures() != null) {
            floats = data.floatFeatures();
            doubles = null;
        } else if (bytes != null) {
            floats = null;
            doubles = null;
        } else if (precision == Precision.FLOAT && convertOnce) {
            double[] f = data.features();
            floats = new float[f.length];
            for (int k = 0; k < f.length; k++) {
                floats[k] = (float) f[k];
            }
            doubles = null;
        } else {
            floats = null;
            doubles = data.features();
        }
    }

    /** Rows {@code order[from..from+count)} as a batch; the returned matrix is overwritten by the next call. */
    Matrix gather(int[] order, int from, int count) {
        x = Matrix.reuse(x, precision, count, columns);
        double[] y = data.targets();
        for (int i = 0; i < count; i++) {
            int row = order[from + i];
            targets[i] = y[row];
        }
        if (bytes != null) {
            for (int i = 0; i < count; i++) {
                System.arraycopy(bytes, order[from + i] * columns, rowBytes, i * columns, columns);
            }
            convertBytes(count);
        } else {
            for (int i = 0; i < count; i++) {
                copyRow(order[from + i], i);
            }
        }
        return x;
    }

    /** Rows {@code from..from+count)} in order; the returned matrix is overwritten by the next call. */
    Matrix range(int from, int count) {
        x = Matrix.reuse(x, precision, count, columns);
        if (bytes != null) {
            System.arraycopy(bytes, from * columns, rowBytes, 0, count * columns);
            convertBytes(count);
        } else {
            for (int i = 0; i < count; i++) {
                copyRow(from + i, i);
            }
        }
        System.arraycopy(data.targets(), from, targets, 0, count);
        return x;
    }

    /** Converts the first {@code count} rows of {@link #rowBytes} into the batch. */
    private void convertBytes(int count) {
        int size = count * columns;
        byte[] in = rowBytes;
        if (precision == Precision.FLOAT) {
            float[] out = x.floats();
            float[] table = byteToFloat;
            for (int k = 0; k < size; k++) {
                out[k] = table[in[k] & 0xff];
            }
        } else {
            double[] out = x.doubles();
            double[] table = byteToDouble;
            for (int k = 0; k < size; k++) {
                out[k] = table[in[k] & 0xff];
            }
        }
    }

    /** The targets of the last batch, from index 0. */
    double[] targets() {
        return targets;
    }

    /** Copies data row {@code row} (stored in floats or doubles) into batch row {@code i}. */
    private void copyRow(int row, int i) {
        int p = columns;
        int src = row * p;
        int dst = i * p;
        if (precision == Precision.FLOAT) {
            float[] out = x.floats();
            if (floats != null) {
                System.arraycopy(floats, src, out, dst, p);
            } else {
                for (int j = 0; j < p; j++) {
                    out[dst + j] = (float) doubles[src + j];
                }
            }
        } else {
            double[] out = x.doubles();
            if (doubles != null) {
                System.arraycopy(doubles, src, out, dst, p);
            } else {
                for (int j = 0; j < p; j++) {
                    out[dst + j] = floats[src + j];
                }
            }
        }
    }
}
