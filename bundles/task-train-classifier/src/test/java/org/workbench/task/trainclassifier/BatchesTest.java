package org.workbench.task.trainclassifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.workbench.api.Dataset;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;

/** Batches hold exactly the chosen rows of every kind of storage, in both precisions, for full and partial batches. */
class BatchesTest {
    private static final int ROWS = 37;
    private static final int COLUMNS = 11;

    @Test
    void gathersAndRangesByteRowsExactly() {
        SplittableRandom random = new SplittableRandom(5);
        byte[] pixels = new byte[ROWS * COLUMNS];
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = (byte) random.nextInt(256);
        }
        Dataset data = Dataset.ofBytes(ROWS, COLUMNS, pixels, 1f / 255, targets());
        checkEveryPath(data);
    }

    @Test
    void gathersAndRangesFloatAndDoubleRowsExactly() {
        SplittableRandom random = new SplittableRandom(6);
        double[] features = new double[ROWS * COLUMNS];
        float[] floats = new float[ROWS * COLUMNS];
        for (int k = 0; k < features.length; k++) {
            floats[k] = (float) random.nextGaussian();
            features[k] = random.nextGaussian();
        }
        checkEveryPath(Dataset.ofFloats(ROWS, COLUMNS, floats, targets()));
        checkEveryPath(Dataset.of(ROWS, COLUMNS, features, targets()));
    }

    private static double[] targets() {
        double[] y = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            y[i] = i % 3;
        }
        return y;
    }

    /** Each feature in the batch equals the data set's own value of it, rounded to the precision: exact equality. */
    private static void checkEveryPath(Dataset data) {
        double[] expected = data.features();
        int[] order = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            order[i] = (i * 7 + 3) % ROWS;
        }
        for (Precision precision : Precision.values()) {
            for (boolean convertOnce : new boolean[] {true, false}) {
                Batches batches = new Batches(data, precision, 16, convertOnce);
                for (int from = 0; from < ROWS; from += 16) {
                    int count = Math.min(16, ROWS - from);
                    Matrix x = batches.gather(order, from, count);
                    check(x, batches.targets(), data, expected, order, from, count, precision);
                }
                int[] identity = new int[ROWS];
                for (int i = 0; i < ROWS; i++) {
                    identity[i] = i;
                }
                Matrix x = batches.range(32, 5);
                check(x, batches.targets(), data, expected, identity, 32, 5, precision);
            }
        }
    }

    private static void check(Matrix x, double[] targets, Dataset data, double[] expected, int[] rows, int from,
            int count, Precision precision) {
        assertEquals(count, x.rows());
        assertEquals(COLUMNS, x.columns());
        assertEquals(precision, x.precision());
        for (int i = 0; i < count; i++) {
            int row = rows[from + i];
            assertEquals(data.targets()[row], targets[i], "target of batch row " + i);
            for (int j = 0; j < COLUMNS; j++) {
                double value = expected[row * COLUMNS + j];
                double want = precision == Precision.FLOAT ? (float) value : value;
                assertEquals(want, x.get(i, j), 0.0, "batch row " + i + " (data row " + row + "), column " + j);
            }
        }
    }
}
