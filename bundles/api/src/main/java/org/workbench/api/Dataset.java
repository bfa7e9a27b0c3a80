package org.workbench.api;

import java.util.Objects;

/**
 * A data set: {@code rows} observations, each with {@code columns} features (stored row-major in
 * one array) and one target. A sample of a scalar variable (problem 1's x) has no features and
 * its values as targets; a labelled classification set stores class indices as targets. An
 * optional held-out {@link #test()} set has the same number of columns.
 *
 * <p>The arrays are shared, not copied, because data sets can be large: callers must treat
 * {@link #features()}, {@link #floatFeatures()}, {@link #byteFeatures()} and {@link #targets()} as
 * read-only. Large image sets can be stored in single precision ({@link #ofFloats}) or as unsigned
 * bytes times a scale ({@link #ofBytes}, a quarter of the memory of floats); {@link #features()}
 * then makes a double copy on first call, which consumers that can work in floats avoid by reading
 * {@link #floatFeatures()} or {@link #byteFeatures()} with {@link #byteScale()}.
 */
public final class Dataset {
    private final int rows;
    private final int columns;
    private volatile double[] features;
    private final float[] floats;
    private final byte[] bytes;
    private final float byteScale;
    private final double[] targets;
    private final Dataset test;

    private Dataset(int rows, int columns, double[] features, float[] floats, double[] targets, Dataset test) {
        this(rows, columns, features, floats, null, 0f, targets, test);
    }

    private Dataset(int rows, int columns, double[] features, float[] floats, byte[] bytes, float byteScale,
            double[] targets, Dataset test) {
        Objects.requireNonNull(targets, "targets");
        long stored = features != null ? features.length : floats != null ? floats.length
                : Objects.requireNonNull(bytes, "features").length;
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
        this.bytes = bytes;
        this.byteScale = byteScale;
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

    /**
     * Features stored row-major as unsigned bytes: feature {@code (i, j)} is
     * {@code (values[i * columns + j] & 0xff) * scale} (pixels scaled to [0, 1] with scale 1/255),
     * with one target per row.
     *
     * @since 1.2
     */
    public static Dataset ofBytes(int rows, int columns, byte[] values, float scale, double[] targets) {
        if (!(scale > 0) || Float.isInfinite(scale)) {
            throw new IllegalArgumentException("the scale of byte features must be positive and finite, got " + scale);
        }
        return new Dataset(rows, columns, null, null, Objects.requireNonNull(values, "features"), scale, targets, null);
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
        return new Dataset(rows, columns, features, floats, bytes, byteScale, targets,
                Objects.requireNonNull(testSet, "testSet"));
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
                    f = new double[rows * columns];
                    for (int k = 0; k < f.length; k++) {
                        f[k] = floats != null ? floats[k] : (bytes[k] & 0xff) * byteScale;
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

    /**
     * The unsigned-byte features when the data set is stored that way ({@link #ofBytes}), else
     * {@code null}; read-only. Feature {@code k} is {@code (byteFeatures()[k] & 0xff) * byteScale()}.
     *
     * @since 1.2
     */
    public byte[] byteFeatures() {
        return bytes;
    }

    /**
     * The factor turning a stored byte into a feature value ({@link #ofBytes}); 0 when the data
     * set is not stored as bytes.
     *
     * @since 1.2
     */
    public float byteScale() {
        return byteScale;
    }

    /** One target per row; read-only. */
    public double[] targets() {
        return targets;
    }

    /** Feature {@code j} of row {@code i}. */
    public double x(int i, int j) {
        int k = i * columns + j;
        return floats != null ? floats[k] : bytes != null ? (bytes[k] & 0xff) * byteScale : features[k];
    }

    /** Row {@code i} as a new array. */
    public double[] row(int i) {
        double[] r = new double[columns];
        if (floats != null || bytes != null) {
            for (int j = 0; j < columns; j++) {
                r[j] = x(i, j);
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
