package org.workbench.backend.vector;

/**
 * The products that share a kernel choice: the same form (A or A^T, B or B^T) and each of m, n, k
 * rounded up to a power of two. Named {@code <form> <m>x<n>x<k>}, e.g. {@code ab^T 256x256x1024} for
 * problem 4's forward product 256 x 784 by 784 x 256.
 */
record ShapeClass(boolean transA, boolean transB, int m, int n, int k) {
    static ShapeClass of(boolean transA, boolean transB, int m, int n, int k) {
        return new ShapeClass(transA, transB, ceilPowerOfTwo(m), ceilPowerOfTwo(n), ceilPowerOfTwo(k));
    }

    private static int ceilPowerOfTwo(int x) {
        return x <= 1 ? 1 : Integer.highestOneBit(x - 1) << 1;
    }

    String key() {
        return (transA ? "a^T" : "a") + (transB ? "b^T" : "b") + " " + m + "x" + n + "x" + k;
    }

    @Override
    public String toString() {
        return key();
    }
}
