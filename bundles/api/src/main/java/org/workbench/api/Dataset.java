package org.workbench.api;

import java.util.Objects;

/**
 * A data set: {@code rows} observations, each with {@code columns} features (stored row-major in
 * one array) and one target. A sample of a scalar variable (problem 1's x) has no features and
 * its values as targets; a labelled classification set stores class indices as targets. An
 * optional held-out {@link #test()} set has the same number of columns.
 *
 * <p>The arrays are shared, not copied, because data sets can be large: callers must treat
 * {@link #features()} and {@link #targets()} as read-only.
 */
public final class Dataset {
    private final int rows;
    private final int columns;
    private final double[] features;
    private final double[] targets;
    private final Dataset test;

    private Dataset(int rows, int columns, double[] features, double[] targets, Dataset test) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(targets, "targets");
        if (rows < 0 || columns < 0 || features.length != (long) rows * columns || targets.length != rows) {
            throw new IllegalArgumentException("inconsistent data set: " + rows + " rows, " + columns
                    + " columns, " + features.length + " feature values, " + targets.length + " targets");
        }
        if (test != null && test.columns != columns) {
            throw new IllegalArgumentException("test set has " + test.columns + " columns, training set " + columns);
        }
        this.rows = rows;
        this.columns = columns;
        this.features = features;
        this.targets = targets;
        this.test = test;
    }

    /** A sample of a scalar variable: no features, the values as targets. */
    public static Dataset values(double[] values) {
        return new Dataset(values.length, 0, new double[0], values, null);
    }

    /** Features stored row-major ({@code features[i * columns + j]}) with one target per row. */
    public static Dataset of(int rows, int columns, double[] features, double[] targets) {
        return new Dataset(rows, columns, features, targets, null);
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
        return new Dataset(n, p, flat, y, null);
    }

    /** The same training data with a held-out test set. */
    public Dataset withTest(Dataset testSet) {
        return new Dataset(rows, columns, features, targets, Objects.requireNonNull(testSet, "testSet"));
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** Row-major features, length {@code rows * columns}; read-only. */
    public double[] features() {
        return features;
    }

    /** One target per row; read-only. */
    public double[] targets() {
        return targets;
    }

    /** Feature {@code j} of row {@code i}. */
    public double x(int i, int j) {
        return features[i * columns + j];
    }

    /** Row {@code i} as a new array. */
    public double[] row(int i) {
        double[] r = new double[columns];
        System.arraycopy(features, i * columns, r, 0, columns);
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
