package org.workbench.backend.vector;


import org.workbench.api.ResultTree;
import org.workbench.api.nn.Backend;
import org.workbench.api.nn.BackendDetails;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;

/**
 * {@link Backend} on {@code jdk.incubator.vector}: packed, register-blocked products in float
 * ({@link FloatGemm}) or double ({@link DoubleGemm}) split over {@code threads} cores. Keeps
 * packing buffers between calls, so an instance belongs to one run. Its {@link Kernels} pick each float
 * product's plan (measured on this machine, remembered in the user's cache); {@link #toString} names the
 * backend, its threads and the kernel setting, and {@link #details} the plans with their timings, which the run records. From its creation to its first product, a
 * {@link KernelWarmUp} may ready the kernels' compiled code.
 */
final class VectorBackend implements Backend, BackendDetails {
    private final int threads;
    private final FloatGemm floats;
    private final DoubleGemm doubles;
    private final Kernels kernels;
    /** The JIT warm-up started with this backend, until its first product (null: none or over). */
    private KernelWarmUp warmUp;

    /** A backend on {@code threads} cores, with a {@link KernelWarmUp} until its first product where one can pay. */
    VectorBackend(int threads) {
        this(threads, Kernels.fromEnvironment(threads));
    }

    private VectorBackend(int threads, Kernels kernels) {
        this(threads, kernels, KernelWarmUp.startIfWorthwhile(kernels.kernelsToCompile()));
    }

    /** A backend on {@code threads} cores whose products run as {@code kernels} say, that stops {@code warmUp} (null: none) at its first product. */
    VectorBackend(int threads, Kernels kernels, KernelWarmUp warmUp) {
        this.threads = threads;
        this.kernels = kernels;
        this.floats = new FloatGemm(new Workers(threads));
        this.doubles = new DoubleGemm(threads);
        this.warmUp = warmUp;
    }

    @Override
    public void multiply(Matrix a, Matrix b, Matrix c) {
        check(a, b, c, a.columns(), b.rows(), "a b");
        run(a, false, b, false, c, a.rows(), b.columns(), a.columns());
    }

    @Override
    public void multiplyTransA(Matrix a, Matrix b, Matrix c) {
        check(a, b, c, a.rows(), b.rows(), "a^T b");
        run(a, true, b, false, c, a.columns(), b.columns(), a.rows());
    }

    @Override
    public void multiplyTransB(Matrix a, Matrix b, Matrix c) {
        check(a, b, c, a.columns(), b.columns(), "a b^T");
        run(a, false, b, true, c, a.rows(), b.rows(), a.columns());
    }

    private void run(Matrix a, boolean transA, Matrix b, boolean transB, Matrix c, int m, int n, int k) {
        if (warmUp != null) {
            // the kernels compiled before the first product runs them (a boxed kernel is hundreds of times slower)
            warmUp.finishCompilingThenStop(KernelWarmUp.FIRST_PRODUCT_WAIT_MILLIS);
            warmUp = null;
        }
        c.reshape(m, n);
        if (a.precision() == Precision.FLOAT) {
            float[] af = a.floats();
            float[] bf = b.floats();
            float[] cf = c.floats();
            KernelPlan plan = kernels.plan(floats, af, transA, bf, transB, cf, m, n, k);
            floats.multiply(af, transA, bf, transB, cf, m, n, k, plan);
        } else {
            doubles.multiply(a.doubles(), transA, b.doubles(), transB, c.doubles(), m, n, k);
        }
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

    /**
     * The kernels as structured data: {@code threads}, {@code machine}, {@code kernelSetting},
     * {@code kernels[]} of {shapeClass, plan, source, candidates[] of {plan, micros}} (each class's
     * candidates timed alone, fastest first) and, where a set of plans was chosen for runs here,
     * {@code run} {chosen, measuredAt, margin, candidates[] of {set, runMillis, epochMillis, compileMillis, kernels}}.
     */
    @Override
    public ResultTree details() {
        return kernels.details().put("threads", threads);
    }

    @Override
    public String toString() {
        return "vector (" + threads + (threads == 1 ? " thread, " : " threads, ") + kernels.describe() + ")";
    }
}
