package org.workbench.optimizer.lasso;

/**
 * The two dense kernels that the lasso solvers spend their time in, on contiguous slices: the dot
 * product of a column of X with the residual, and the residual's update by a multiple of a column.
 * Passes over X (80 MB at N = 10,000, p = 1,000) bound the solvers' time, so these are the code to
 * make fast.
 * <p>
 * Every implementation computes the same numbers bit for bit, whatever the vector width: the dot
 * product keeps {@value #STRIPS} partial sums, partial k taking the products a_i b_i of the
 * indices i = k (mod {@value #STRIPS}) in ascending order, each multiply-add fused
 * ({@link Math#fma}), starting from +0; the partial sums are then added in a fixed tree
 * ({@link #sumTree}). The update is {@code y_i = fma(alpha, x_i, y_i)}, element by element. So a
 * solve gives the same result on {@link VectorKernels} (where the JVM has
 * {@code jdk.incubator.vector}) as on {@link ScalarKernels} (where it does not, and for short columns:
 * {@link KernelChoice}), on any machine.
 * An instance keeps scratch for the partial sums: one per thread (each solve makes its own).
 */
interface LassoKernels {
    /** Partial sums of a dot product: eight vectors of 4 doubles in {@link VectorKernels}. */
    int STRIPS = 32;

    /** sum_{i < n} a[aOffset + i] * b[i] in the order given above. Reads only. */
    double dot(double[] a, int aOffset, double[] b, int n);

    /** y[i] = fma(alpha, x[xOffset + i], y[i]) for i < n; modifies {@code y}. */
    void axpy(double alpha, double[] x, int xOffset, double[] y, int n);

    /** Which route this is, {@code vector (4 doubles)} or {@code scalar}, for messages and benchmarks. */
    String route();

    /**
     * The sum of the {@value #STRIPS} partial sums in {@code s} by halving: s_k += s_{k + h} for
     * h = 16, 8, 4, 2, 1, then s_0. Overwrites {@code s}.
     */
    static double sumTree(double[] s) {
        for (int h = STRIPS / 2; h > 0; h >>= 1) {
            for (int k = 0; k < h; k++) {
                s[k] += s[k + h];
            }
        }
        return s[0];
    }

    /** Soft thresholding sign(v) max(|v| - t, 0). */
    static double soft(double v, double t) {
        if (v > t) {
            return v - t;
        }
        if (v < -t) {
            return v + t;
        }
        return 0;
    }
}
