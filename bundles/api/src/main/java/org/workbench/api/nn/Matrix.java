package org.workbench.api.nn;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense row-major matrix stored in a {@code float[]} or a {@code double[]} (its
 * {@link Precision}), used for batches (one example per row), parameters and gradients.
 * Mutable and reusable like EJML's {@code DMatrixRMaj}: {@link #reshape} keeps the storage when it
 * is large enough, so hot loops allocate nothing; the storage may be longer than
 * {@code rows * columns}. Element {@code (i, j)} is at index {@code i * columns + j}.
 * Not thread-safe.
 */
public final class Matrix {
    private final Precision precision;
    private int rows;
    private int columns;
    private double[] doubles;
    private float[] floats;

    private Matrix(Precision precision, int rows, int columns, double[] doubles, float[] floats) {
        this.precision = Objects.requireNonNull(precision, "precision");
        this.rows = rows;
        this.columns = columns;
        this.doubles = doubles;
        this.floats = floats;
    }

    /** A zero matrix of the given precision and shape. */
    public static Matrix zeros(Precision precision, int rows, int columns) {
        checkShape(rows, columns);
        int n = Math.multiplyExact(rows, columns);
        return precision == Precision.DOUBLE
                ? new Matrix(precision, rows, columns, new double[n], null)
                : new Matrix(precision, rows, columns, null, new float[n]);
    }

    /** A double matrix that uses {@code data} (length at least {@code rows * columns}) as its storage, without copying. */
    public static Matrix wrap(int rows, int columns, double[] data) {
        checkShape(rows, columns);
        checkLength(rows, columns, data.length);
        return new Matrix(Precision.DOUBLE, rows, columns, data, null);
    }

    /** A float matrix that uses {@code data} (length at least {@code rows * columns}) as its storage, without copying. */
    public static Matrix wrap(int rows, int columns, float[] data) {
        checkShape(rows, columns);
        checkLength(rows, columns, data.length);
        return new Matrix(Precision.FLOAT, rows, columns, null, data);
    }

    /** A double matrix holding a copy of {@code rows} (equally long arrays). */
    public static Matrix ofRows(double[][] values) {
        int r = values.length;
        int c = r == 0 ? 0 : values[0].length;
        Matrix m = zeros(Precision.DOUBLE, r, c);
        for (int i = 0; i < r; i++) {
            if (values[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " values, row 0 has " + c);
            }
            System.arraycopy(values[i], 0, m.doubles, i * c, c);
        }
        return m;
    }

    /**
     * {@code existing} reshaped to {@code rows x columns} when it has this precision (its storage is
     * kept if large enough), otherwise a new zero matrix: the idiom for reusable output buffers.
     * The contents of a reused matrix are unspecified.
     */
    public static Matrix reuse(Matrix existing, Precision precision, int rows, int columns) {
        if (existing != null && existing.precision == precision) {
            existing.reshape(rows, columns);
            return existing;
        }
        return zeros(precision, rows, columns);
    }

    /**
     * Changes the shape; grows the storage (losing the contents) only when it is too small, so the
     * contents are unspecified after a reshape that changes the size.
     */
    public void reshape(int newRows, int newColumns) {
        checkShape(newRows, newColumns);
        int n = Math.multiplyExact(newRows, newColumns);
        if (precision == Precision.DOUBLE && doubles.length < n) {
            doubles = new double[n];
        } else if (precision == Precision.FLOAT && floats.length < n) {
            floats = new float[n];
        }
        rows = newRows;
        columns = newColumns;
    }

    public Precision precision() {
        return precision;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** {@code rows * columns}. */
    public int size() {
        return rows * columns;
    }

    /** The storage of a {@link Precision#DOUBLE} matrix (row-major, possibly longer than {@link #size()}). */
    public double[] doubles() {
        if (doubles == null) {
            throw new IllegalStateException("a " + precision + " matrix has no double storage");
        }
        return doubles;
    }

    /** The storage of a {@link Precision#FLOAT} matrix (row-major, possibly longer than {@link #size()}). */
    public float[] floats() {
        if (floats == null) {
            throw new IllegalStateException("a " + precision + " matrix has no float storage");
        }
        return floats;
    }

    /** Element {@code (i, j)}, widened to double. */
    public double get(int i, int j) {
        int k = index(i, j);
        return doubles != null ? doubles[k] : floats[k];
    }

    /** Sets element {@code (i, j)} (rounded to float for a float matrix). */
    public void set(int i, int j, double value) {
        int k = index(i, j);
        if (doubles != null) {
            doubles[k] = value;
        } else {
            floats[k] = (float) value;
        }
    }

    /** Element {@code k} of the row-major storage, widened to double. */
    public double at(int k) {
        return doubles != null ? doubles[k] : floats[k];
    }

    /** Sets every element to {@code value}. */
    public void fill(double value) {
        if (doubles != null) {
            Arrays.fill(doubles, 0, size(), value);
        } else {
            Arrays.fill(floats, 0, size(), (float) value);
        }
    }

    /** Copies {@code source} (same shape, any precision) into this matrix. */
    public void copyFrom(Matrix source) {
        if (source.rows != rows || source.columns != columns) {
            throw new IllegalArgumentException("cannot copy a " + source.shape() + " matrix into a " + shape() + " one");
        }
        int n = size();
        if (doubles != null && source.doubles != null) {
            System.arraycopy(source.doubles, 0, doubles, 0, n);
        } else if (floats != null && source.floats != null) {
            System.arraycopy(source.floats, 0, floats, 0, n);
        } else {
            for (int k = 0; k < n; k++) {
                setAt(k, source.at(k));
            }
        }
    }

    /** A copy as an array of rows, in double. */
    public double[][] toRows() {
        double[][] out = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                out[i][j] = get(i, j);
            }
        }
        return out;
    }

    /** The shape as text, e.g. {@code 256x784}. */
    public String shape() {
        return rows + "x" + columns;
    }

    private void setAt(int k, double value) {
        if (doubles != null) {
            doubles[k] = value;
        } else {
            floats[k] = (float) value;
        }
    }

    private int index(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= columns) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") outside a " + shape() + " matrix");
        }
        return i * columns + j;
    }

    private static void checkShape(int rows, int columns) {
        if (rows < 0 || columns < 0) {
            throw new IllegalArgumentException("negative shape " + rows + "x" + columns);
        }
    }

    private static void checkLength(int rows, int columns, int length) {
        if (length < (long) rows * columns) {
            throw new IllegalArgumentException("storage of " + length + " values is too small for " + rows + "x" + columns);
        }
    }

    @Override
    public String toString() {
        return "Matrix[" + shape() + ", " + precision + "]";
    }
}
