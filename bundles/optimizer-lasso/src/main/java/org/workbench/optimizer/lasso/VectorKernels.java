package org.workbench.optimizer.lasso;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LassoKernels} on {@code jdk.incubator.vector}. C2 does not vectorize a floating-point sum
 * in strict order, so the dot product's {@value LassoKernels#STRIPS} partial sums are held in
 * {@value LassoKernels#STRIPS} / L vectors of L lanes, lane l of vector v being partial v L + l:
 * four vectors of 8 doubles ({@link Lanes8}, AVX-512) or eight of 4 ({@link Lanes4}, AVX2), that is
 * independent chains of fused multiply-adds enough to hide their latency. The last
 * n mod {@value LassoKernels#STRIPS} elements go into the partial sums one by one, as in
 * {@link ScalarKernels}, whose numbers these are bit for bit. Each layout has its species as a
 * constant, which the JIT needs to compile the vector operations to instructions. Loaded only
 * where the JVM has the module. One instance per thread.
 */
abstract class VectorKernels implements LassoKernels {
    final double[] partial = new double[STRIPS];

    /** The layout for this JVM's preferred vector length, or null when it holds neither 4 nor 8 doubles. */
    static VectorKernels preferred() {
        return switch (DoubleVector.SPECIES_PREFERRED.length()) {
            case 8 -> new Lanes8();
            case 4 -> new Lanes4();
            default -> null;
        };
    }

    @Override
    public final double dot(double[] a, int aOffset, double[] b, int n) {
        int i = strips(a, aOffset, b, n);
        double[] s = partial;
        for (int k = 0; i < n; i++, k++) {
            s[k] = Math.fma(a[aOffset + i], b[i], s[k]);
        }
        return LassoKernels.sumTree(s);
    }

    /** The partial sums over the first n - n mod 32 elements into {@link #partial}; returns n - n mod 32. */
    abstract int strips(double[] a, int aOffset, double[] b, int n);

    /** Four vectors of 8 doubles. */
    static final class Lanes8 extends VectorKernels {
        private static final VectorSpecies<Double> S = DoubleVector.SPECIES_512;

        @Override
        int strips(double[] a, int aOffset, double[] b, int n) {
            DoubleVector s0 = DoubleVector.zero(S);
            DoubleVector s1 = s0;
            DoubleVector s2 = s0;
            DoubleVector s3 = s0;
            int i = 0;
            for (; i + STRIPS <= n; i += STRIPS) {
                int ai = aOffset + i;
                s0 = DoubleVector.fromArray(S, a, ai).fma(DoubleVector.fromArray(S, b, i), s0);
                s1 = DoubleVector.fromArray(S, a, ai + 8).fma(DoubleVector.fromArray(S, b, i + 8), s1);
                s2 = DoubleVector.fromArray(S, a, ai + 16).fma(DoubleVector.fromArray(S, b, i + 16), s2);
                s3 = DoubleVector.fromArray(S, a, ai + 24).fma(DoubleVector.fromArray(S, b, i + 24), s3);
            }
            s0.intoArray(partial, 0);
            s1.intoArray(partial, 8);
            s2.intoArray(partial, 16);
            s3.intoArray(partial, 24);
            return i;
        }

        @Override
        public void axpy(double alpha, double[] x, int xOffset, double[] y, int n) {
            DoubleVector c = DoubleVector.broadcast(S, alpha);
            int i = 0;
            for (int end = S.loopBound(n); i < end; i += 8) {
                DoubleVector.fromArray(S, x, xOffset + i).fma(c, DoubleVector.fromArray(S, y, i)).intoArray(y, i);
            }
            for (; i < n; i++) {
                y[i] = Math.fma(alpha, x[xOffset + i], y[i]);
            }
        }

        @Override
        public String route() {
            return "vector (8 doubles)";
        }
    }

    /** Eight vectors of 4 doubles. */
    static final class Lanes4 extends VectorKernels {
        private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

        @Override
        int strips(double[] a, int aOffset, double[] b, int n) {
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
            s0.intoArray(partial, 0);
            s1.intoArray(partial, 4);
            s2.intoArray(partial, 8);
            s3.intoArray(partial, 12);
            s4.intoArray(partial, 16);
            s5.intoArray(partial, 20);
            s6.intoArray(partial, 24);
            s7.intoArray(partial, 28);
            return i;
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
}
