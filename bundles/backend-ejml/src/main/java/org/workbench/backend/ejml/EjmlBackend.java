package org.workbench.backend.ejml;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;
import org.workbench.api.nn.Backend;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;

/**
 * {@link Backend} through EJML's row-major products ({@code CommonOps_DDRM} and
 * {@code CommonOps_FDRM}, or their {@code _MT_} concurrent versions). The matrices' storage is
 * wrapped, never copied: {@code c} is reshaped first so that EJML writes into its array.
 */
public final class EjmlBackend implements Backend {
    private final boolean concurrent;

    /** @param concurrent whether to use EJML's multi-threaded products */
    public EjmlBackend(boolean concurrent) {
        this.concurrent = concurrent;
    }

    @Override
    public void multiply(Matrix a, Matrix b, Matrix c) {
        check(a, b, c, a.columns(), b.rows(), "a b");
        c.reshape(a.rows(), b.columns());
        if (a.precision() == Precision.DOUBLE) {
            DMatrixRMaj out = d(c);
            if (concurrent) {
                CommonOps_MT_DDRM.mult(d(a), d(b), out);
            } else {
                CommonOps_DDRM.mult(d(a), d(b), out);
            }
        } else {
            FMatrixRMaj out = f(c);
            if (concurrent) {
                CommonOps_MT_FDRM.mult(f(a), f(b), out);
            } else {
                CommonOps_FDRM.mult(f(a), f(b), out);
            }
        }
    }

    @Override
    public void multiplyTransA(Matrix a, Matrix b, Matrix c) {
        check(a, b, c, a.rows(), b.rows(), "a^T b");
        c.reshape(a.columns(), b.columns());
        if (a.precision() == Precision.DOUBLE) {
            DMatrixRMaj out = d(c);
            if (concurrent) {
                CommonOps_MT_DDRM.multTransA(d(a), d(b), out);
            } else {
                CommonOps_DDRM.multTransA(d(a), d(b), out);
            }
        } else {
            FMatrixRMaj out = f(c);
            if (concurrent) {
                CommonOps_MT_FDRM.multTransA(f(a), f(b), out);
            } else {
                CommonOps_FDRM.multTransA(f(a), f(b), out);
            }
        }
    }

    @Override
    public void multiplyTransB(Matrix a, Matrix b, Matrix c) {
        check(a, b, c, a.columns(), b.columns(), "a b^T");
        c.reshape(a.rows(), b.rows());
        if (a.precision() == Precision.DOUBLE) {
            DMatrixRMaj out = d(c);
            if (concurrent) {
                CommonOps_MT_DDRM.multTransB(d(a), d(b), out);
            } else {
                CommonOps_DDRM.multTransB(d(a), d(b), out);
            }
        } else {
            FMatrixRMaj out = f(c);
            if (concurrent) {
                CommonOps_MT_FDRM.multTransB(f(a), f(b), out);
            } else {
                CommonOps_FDRM.multTransB(f(a), f(b), out);
            }
        }
    }

    private static DMatrixRMaj d(Matrix m) {
        return DMatrixRMaj.wrap(m.rows(), m.columns(), m.doubles());
    }

    private static FMatrixRMaj f(Matrix m) {
        return FMatrixRMaj.wrap(m.rows(), m.columns(), m.floats());
    }

    private static void check(Matrix a, Matrix b, Matrix c, int inner, int otherInner, String product) {
        if (inner != otherInner) {
            throw new IllegalArgumentException("cannot form " + product + " with a " + a.shape() + " and b " + b.shape());
        }
        if (a.precision() != b.precision() || a.precision() != c.precision()) {
            throw new IllegalArgumentException("mixed precisions: a " + a.precision() + ", b " + b.precision()
                    + ", c " + c.precision());
        }
        if (c == a || c == b) {
            throw new IllegalArgumentException("the output must not alias an input");
        }
    }

    @Override
    public String toString() {
        return "ejml" + (concurrent ? " (concurrent)" : "");
    }
}
