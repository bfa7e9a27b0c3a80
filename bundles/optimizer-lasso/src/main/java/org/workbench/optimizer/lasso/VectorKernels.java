package org.workbench.optimizer.lasso;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LassoKernels} on {@code jdk.incubator.vector}, in vectors of 4 doubles (256 bits: AVX2, and
 * AVX-512 machines too). C2 does not vectorize a floating-point sum in strict order, so the dot
 * product's {@value LassoKernels#STRIPS} partial sums are held in eight vectors, lane l of vector v
 * being partial 4 v + l: eight independent chains of fused multiply-adds, enough to hide their
 * latency. The last n mod {@value LassoKernels#STRIPS} elements go into the partial sums one by
 * one, as in {@link ScalarKernels}, whose numbers these are bit for bit.
 * <p>
 * Why not 8 lanes where the machine has them: on this project's AMD EPYC (AVX-512) the same layout
 * in four vectors of 8 doubles measured no faster (in the solver, CPU seconds at N = 10,000,
 * p = 1,000: 0.10-0.16 s against 0.08-0.13 s for 4 lanes; timed alone on an L2-resident column,
 * 1.6 against 1.1 us per dot product). Loaded only where the JVM has the module. One instance per
 * thread.
 */
final class VectorKernels implements LassoKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    private final double[] partial = new double[STRIPS];

    /** Whether this JVM's vectors hold 4 doubles or more (else the 256-bit vectors would be emulated, slowly). */
    static boolean usable() {
        return DoubleVector.SPECIES_PREFERRED.length() >= S.length();
    }

    @Override
    public double dot(double[] a, int aOffset, double[] b, int n) {
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        DoubleVector s4 = s0;
        DoubleVector s5 = s0;
        DoubleVector s6 = s0;
        DoubleVector s7 = s0;
        int i = 0;
        for (; i + STRIPS <= n; i += STRIPS) {
            int ai = aOffset + i;
            s0 = DoubleVector.fromArray(S, a, ai).fma(DoubleVector.fromArray(S, b, i), s0);
            s1 = DoubleVector.fromArray(S, a, ai + 4).fma(DoubleVector.fromArray(S, b, i + 4), s1);
            s2 = DoubleVector.fromArray(S, a, ai + 8).fma(DoubleVector.fromArray(S, b, i + 8), s2);
            s3 = DoubleVector.fromArray(S, a, ai + 12).fma(DoubleVector.fromArray(S, b, i + 12), s3);
            s4 = DoubleVector.fromArray(S, a, ai + 16).fma(DoubleVector.fromArray(S, b, i + 16), s4);
            s5 = DoubleVector.fromArray(S, a, ai + 20).fma(DoubleVector.fromArray(S, b, i + 20), s5);
            s6 = DoubleVector.fromArray(S, a, ai + 24).fma(DoubleVector.fromArray(S, b, i + 24), s6);
            s7 = DoubleVector.fromArray(S, a, ai + 28).fma(DoubleVector.fromArray(S, b, i + 28), s7);
        }
        double[] s = partial;
        s0.intoArray(s, 0);
        s1.intoArray(s, 4);
        s2.intoArray(s, 8);
        s3.intoArray(s, 12);
        s4.intoArray(s, 16);
        s5.intoArray(s, 20);
        s6.intoArray(s, 24);
        s7.intoArray(s, 28);
        for (int k = 0; i < n; i++, k++) {
            s[k] = Math.fma(a[aOffset + i], b[i], s[k]);
        }
        return LassoKernels.sumTree(s);
    }

    @Override
    public void axpy(double alpha, double[] x, int xOffset, double[] y, int n) {
        DoubleVector c = DoubleVector.broadcast(S, alpha);
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += 4) {
            DoubleVector.fromArray(S, x, xOffset + i).fma(c, DoubleVector.fromArray(S, y, i)).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = Math.fma(alpha, x[xOffset + i], y[i]);
        }
    }

    @Override
    public String route() {
        return "vector (4 doubles)";
    }
}
