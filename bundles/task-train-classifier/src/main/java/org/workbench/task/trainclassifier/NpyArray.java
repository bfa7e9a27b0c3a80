package org.workbench.task.trainclassifier;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One array of a {@code .npz} file: numpy's type code ({@code <f4}, {@code <f8}, {@code <i4},
 * {@code <i8}, or {@code <UN} for a string of N characters), its shape (empty for a scalar) and its
 * little-endian bytes in C order.
 */
record NpyArray(String descr, int[] shape, byte[] data) {
    NpyArray {
        int width = width(descr);
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n * width != data.length) {
            throw new IllegalArgumentException("an array of shape " + Arrays.toString(shape) + " and type " + descr
                    + " holds " + n * width + " bytes, not " + data.length);
        }
        shape = shape.clone();
    }

    static NpyArray ofFloats(float[] values, int count, int... shape) {
        ByteBuffer b = buffer(count * 4L);
        b.asFloatBuffer().put(values, 0, count);
        return new NpyArray("<f4", shape, b.array());
    }

    static NpyArray ofDoubles(double[] values, int count, int... shape) {
        ByteBuffer b = buffer(count * 8L);
        b.asDoubleBuffer().put(values, 0, count);
        return new NpyArray("<f8", shape, b.array());
    }

    static NpyArray ofInts(int[] values) {
        ByteBuffer b = buffer(values.length * 4L);
        b.asIntBuffer().put(values);
        return new NpyArray("<i4", new int[] {values.length}, b.array());
    }

    static NpyArray ofLong(long value) {
        ByteBuffer b = buffer(8);
        b.putLong(value);
        return new NpyArray("<i8", new int[0], b.array());
    }

    /** A string as numpy keeps one: a scalar of type {@code <UN}, N UTF-32 code units (numpy's {@code str(a)} reads it). */
    static NpyArray ofText(String text) {
        int[] points = text.codePoints().toArray();
        ByteBuffer b = buffer(Math.max(1, points.length) * 4L);
        b.asIntBuffer().put(points);
        return new NpyArray("<U" + Math.max(1, points.length), new int[0], b.array());
    }

    /** The string of an {@link #ofText} array (without numpy's trailing padding). */
    String text() {
        if (!descr.startsWith("<U")) {
            throw new IllegalArgumentException("expected a numpy string (<U), found " + descr);
        }
        int[] points = new int[data.length / 4];
        wrap().asIntBuffer().get(points);
        int n = points.length;
        while (n > 0 && points[n - 1] == 0) {
            n--;
        }
        return new String(points, 0, n);
    }

    /** The number of elements. */
    int size() {
        return data.length / width(descr);
    }

    float[] floats() {
        check("<f4");
        float[] out = new float[size()];
        wrap().asFloatBuffer().get(out);
        return out;
    }

    double[] doubles() {
        check("<f8");
        double[] out = new double[size()];
        wrap().asDoubleBuffer().get(out);
        return out;
    }

    int[] ints() {
        check("<i4");
        int[] out = new int[size()];
        wrap().asIntBuffer().get(out);
        return out;
    }

    long longValue() {
        check("<i8");
        if (size() != 1) {
            throw new IllegalArgumentException("expected one int64, found " + size());
        }
        return wrap().getLong();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    static int width(String descr) {
        if (descr.matches("<U[1-9][0-9]{0,8}")) {
            return 4 * Integer.parseInt(descr.substring(2));
        }
        return switch (descr) {
            case "<f4", "<i4" -> 4;
            case "<f8", "<i8" -> 8;
            default -> throw new IllegalArgumentException("unsupported numpy type '" + descr
                    + "' (this reader knows <f4, <f8, <i4, <i8 and <UN)");
        };
    }

    private void check(String expected) {
        if (!descr.equals(expected)) {
            throw new IllegalArgumentException("expected numpy type " + expected + ", found " + descr);
        }
    }

    private ByteBuffer wrap() {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer buffer(long bytes) {
        return ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
    }
}
