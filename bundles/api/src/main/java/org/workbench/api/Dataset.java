package org.workbench.api;

import java.util.Objects;

/**
 * A data set: {@code rows} observations, each with {@code columns} features (stored row-major in
 * one array) and one target. A sample of a scalar variable (problem 1's x) has no features and
 * its values as targets; a labelled classification set stores class indices as targets. An
 * optional held-out {@link #test()} set has the same number of columns.
 *
 * <p>The arrays are shared, not copied, because data sets can be large: callers must treat
 * {@link #features()}, {@link #floatFeatures()} and {@link #targets()} as read-only. Large image
 * sets can be stored in single precision ({@link #ofFloats}); {@link #features()} then makes a
 * double copy on first call, which consumers that can work in floats avoid by reading
 * {@link #floatFeatures()}.
 */
public final class Dataset {
    private final int rows;
    private final int columns;
    private volatile double[] features;
    private final float[] floats;
    private final double[] targets;
    private final Dataset test;

    private Dataset(int rows, int columns, double[] features, float[] floats, double[] targets, Dataset test) {
        Objects.requireNonNull(targets, "targets");
        long stored = features != null ? features.length : Objects.requireNonNull(floats, "features").length;
        if (rows < 0 || columns < 0 || stored != (long) rows * columns || targets.length != rows) {
            throw new IllegalArgumentException("inconsistent data set: " + rows + " rows, " + columns
                    + " columns, " + stored + " feature values, " + targets.length + " targets");
        }
        if (test != null && test.columns != columns) {
            throw new IllegalArgumentException("test set has " + test.columns + " columns, training set " + columns);
        }
        this.rows = rows;
        this.columns = columns;
        this.features = features;
        this.floats = floats;
        this.targets = targets;
        this.test = test;
    }

    /** A sample of a scalar variable: no features, the values as targets. */
    public static Dataset values(double[] values) {
        return new Dataset(values.length, 0, new double[0], null, values, null);
    }

    /** Features stored row-major ({@code features[i * columns + j]}) with one target per row. */
    public static Dataset of(int rows, int columns, double[] features, double[] targets) {
        return new Dataset(rows, columns, Objects.requireNonNull(features, "features"), null, targets, null);
    }

    /**
     * Features stored row-major in single precision (for large image sets), with one target per row.
     *
     * @since 1.1
     */
    public static Dataset ofFloats(int rows, int columns, float[] features, double[] targets) {
        return new Dataset(rows, columns, null, Objects.requireNonNull(features, "features"), targets, null);
    }

    /** Features given as rows, copied into row-major storage. */
    public static Dataset ofRows(double[][] x, double[] y) {
        int n = x.length;
        int p = n == 0 ? 0 : x[0].length;
        double[] flat = new double[n * p];
        for (int i = 0; i < n; i++) {
            if (x[i].length != p) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " values, row 0 has " + p);
            }
            System.arraycopy(x[i], 0, flat, i * p, p);
        }
        return new Dataset(n, p, flat, null, y, null);
    }

    /** The same training data with a held-out test set. */
    public Dataset withTest(Dataset testSet) {
        return new Dataset(rows, columns, features, floats, targets, Objects.requireNonNull(testSet, "testSet"));
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /**
     * Row-major features, length {@code rows * columns}; read-only. For a data set stored in single
     * precision this is a double copy made (once) on the first call.
     */
    public double[] features() {
        double[] f = features;
        if (f == null) {
            synchronized (this) {
                f = features;
                if (f == null) {
                    f = new double[floats.length];
                    for (int k = 0; k < f.length; k++) {
                        f[k] = floats[k];
                    }
                    features = f;
                }
            }
        }
        return f;
    }

    /**
     * The single-precision features when the data set is stored that way ({@link #ofFloats}), else
     * {@code null}; read-only.
     *
     * @since 1.1
     */
    public float[] floatFeatures() {
        return floats;
    }

    /** One target per row; read-only. */
    public double[] targets() {
        return targets;
    }

    /** Feature {@code j} of row {@code i}. */
    public double x(int i, int j) {
        return floats != null ? floats[i * columns + j] : features[i * columns + j];
    }

    /** Row {@code i} as a new array. */
    public double[] row(int i) {
        double[] r = new double[columns];
        if (floats != null) {
            for (int j = 0; j < columns; j++) {
                r[j] = floats[i * columns + j];
            }
        } else {
            System.arraycopy(features, i * columns, r, 0, columns);
        }
        return r;
    }

    /** The held-out test set, or {@code null}. */
    public Dataset test() {
        return test;
    }

    @Override
    public String toString() {
        return "Dataset[" + rows + " x " + columns + (test == null ? "" : ", test " + test.rows) + "]";
    }
}
