package org.workbench.api.nn;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A component of kind {@code backend}: the dense matrix products on the hot paths of training.
 * Each method overwrites {@code c} (reshaping it, so it must not alias {@code a} or {@code b}) and
 * leaves {@code a} and {@code b} unchanged; all three have the same {@link Precision}. An instance
 * belongs to one run and may keep scratch buffers, so it is not thread-safe.
 */
@ConsumerType
public interface Backend {
    /** c = a b, with a m x k and b k x n. */
    void multiply(Matrix a, Matrix b, Matrix c);

    /** c = a^T b, with a k x m and b k x n. */
    void multiplyTransA(Matrix a, Matrix b, Matrix c);

    /** c = a b^T, with a m x k and b n x k. */
    void multiplyTransB(Matrix a, Matrix b, Matrix c);
}
