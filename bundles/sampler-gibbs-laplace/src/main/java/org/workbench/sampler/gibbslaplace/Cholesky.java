package org.workbench.sampler.gibbslaplace;

/**
 * The Gibbs sampler's dense kernel: the factorisation {@code A = U^T U} of a symmetric positive
 * definite {@code n x n} matrix (U upper triangular, that is {@code L = U^T}) and the two
 * triangular solves, on one row-major array whose rows are {@link #stride(int)} long (padded to a
 * multiple of 8 with zeros, so that vectors of 2, 4 or 8 lanes tile every row). Only the upper
 * triangle (diagonal included) is read and overwritten with U; the strict lower triangle is
 * scratch, left with unspecified values. Right-hand sides are arrays of the stride's length whose
 * padding is zero. Nothing is allocated.
 * <p>
 * Every implementation performs the same floating-point operations in the same order, each
 * multiply-add fused ({@link Math#fma}): element (i, k) of U takes the updates of rows 0, 1, ...,
 * i - 1 one after another, whatever the blocking, and the back substitution's dot products keep
 * eight partial sums, one per column residue modulo 8, added in a fixed tree. So the results are
 * bit for bit the same on every machine, vector width and implementation ({@link ScalarCholesky}
 * is the reference), and a seeded chain is reproducible everywhere.
 */
interface Cholesky {
    /**
     * The vector kernel where this JVM has {@code jdk.incubator.vector} (started with
     * {@code --add-modules jdk.incubator.vector}, the framework exporting the package) and vectors
     * of at least two doubles, else the scalar one. The numbers are the same either way.
     */
    static Cholesky fastest() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                if (VectorCholesky.usable()) {
                    return new VectorCholesky();
                }
            } catch (LinkageError notWired) {
                // the bundle's optional import of the package is not wired: the scalar kernel does
            }
        }
        return new ScalarCholesky();
    }

    /** Row length of an {@code n x n} matrix: {@code n} rounded up to a multiple of 8. */
    static int stride(int n) {
        return (n + 7) & ~7;
    }

    /**
     * Overwrites the upper triangle of {@code a} (rows of {@link #stride(int)}, padding zero) with U.
     *
     * @return false when {@code a} is not positive definite (numerically); {@code a} is then garbage
     */
    boolean decompose(double[] a, int n);

    /** Solves {@code U^T v = b} (that is {@code L v = b}) in place: {@code b} becomes {@code v}. */
    void solveLower(double[] u, int n, double[] b);

    /** Solves {@code U x = b} (that is {@code L^T x = b}) for two right-hand sides at once, in place. */
    void solveUpper(double[] u, int n, double[] b1, double[] b2);
}
