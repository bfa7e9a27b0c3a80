package org.workbench.optimizer.lasso;

/**
 * {@link LassoKernels} in plain Java: the reference for the order of operations, and the route
 * where the JVM lacks {@code jdk.incubator.vector} or the columns are short ({@link KernelChoice}).
 * The dot product keeps its {@value LassoKernels#STRIPS} partial sums in as many local variables,
 * which C2 holds in registers: solves at N = 10,000, p = 1,000 then take the CPU time that the
 * earlier eight-accumulator loop without fused multiply-adds took (0.17-0.26 s against
 * 0.15-0.30 s), where the partial sums kept in an array cost 10-20% more. One instance per thread.
 */
final class ScalarKernels implements LassoKernels {
    private final double[] partial = new double[STRIPS];

    @Override
    public double dot(double[] a, int aOffset, double[] b, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        double s8 = 0;
        double s9 = 0;
        double s10 = 0;
        double s11 = 0;
        double s12 = 0;
        double s13 = 0;
        double s14 = 0;
        double s15 = 0;
        double s16 = 0;
        double s17 = 0;
        double s18 = 0;
        double s19 = 0;
        double s20 = 0;
        double s21 = 0;
        double s22 = 0;
        double s23 = 0;
        double s24 = 0;
        double s25 = 0;
        double s26 = 0;
        double s27 = 0;
        double s28 = 0;
        double s29 = 0;
        double s30 = 0;
        double s31 = 0;
        int i = 0;
        for (; i + STRIPS <= n; i += STRIPS) {
            int ai = aOffset + i;
            s0 = Math.fma(a[ai + 0], b[i + 0], s0);
            s1 = Math.fma(a[ai + 1], b[i + 1], s1);
            s2 = Math.fma(a[ai + 2], b[i + 2], s2);
            s3 = Math.fma(a[ai + 3], b[i + 3], s3);
            s4 = Math.fma(a[ai + 4], b[i + 4], s4);
            s5 = Math.fma(a[ai + 5], b[i + 5], s5);
            s6 = Math.fma(a[ai + 6], b[i + 6], s6);
            s7 = Math.fma(a[ai + 7], b[i + 7], s7);
            s8 = Math.fma(a[ai + 8], b[i + 8], s8);
            s9 = Math.fma(a[ai + 9], b[i + 9], s9);
            s10 = Math.fma(a[ai + 10], b[i + 10], s10);
            s11 = Math.fma(a[ai + 11], b[i + 11], s11);
            s12 = Math.fma(a[ai + 12], b[i + 12], s12);
            s13 = Math.fma(a[ai + 13], b[i + 13], s13);
            s14 = Math.fma(a[ai + 14], b[i + 14], s14);
            s15 = Math.fma(a[ai + 15], b[i + 15], s15);
            s16 = Math.fma(a[ai + 16], b[i + 16], s16);
            s17 = Math.fma(a[ai + 17], b[i + 17], s17);
            s18 = Math.fma(a[ai + 18], b[i + 18], s18);
            s19 = Math.fma(a[ai + 19], b[i + 19], s19);
            s20 = Math.fma(a[ai + 20], b[i + 20], s20);
            s21 = Math.fma(a[ai + 21], b[i + 21], s21);
            s22 = Math.fma(a[ai + 22], b[i + 22], s22);
            s23 = Math.fma(a[ai + 23], b[i + 23], s23);
            s24 = Math.fma(a[ai + 24], b[i + 24], s24);
            s25 = Math.fma(a[ai + 25], b[i + 25], s25);
            s26 = Math.fma(a[ai + 26], b[i + 26], s26);
            s27 = Math.fma(a[ai + 27], b[i + 27], s27);
            s28 = Math.fma(a[ai + 28], b[i + 28], s28);
            s29 = Math.fma(a[ai + 29], b[i + 29], s29);
            s30 = Math.fma(a[ai + 30], b[i + 30], s30);
            s31 = Math.fma(a[ai + 31], b[i + 31], s31);
        }
        double[] s = partial;
        s[0] = s0;
        s[1] = s1;
        s[2] = s2;
        s[3] = s3;
        s[4] = s4;
        s[5] = s5;
        s[6] = s6;
        s[7] = s7;
        s[8] = s8;
        s[9] = s9;
        s[10] = s10;
        s[11] = s11;
        s[12] = s12;
        s[13] = s13;
        s[14] = s14;
        s[15] = s15;
        s[16] = s16;
        s[17] = s17;
        s[18] = s18;
        s[19] = s19;
        s[20] = s20;
        s[21] = s21;
        s[22] = s22;
        s[23] = s23;
        s[24] = s24;
        s[25] = s25;
        s[26] = s26;
        s[27] = s27;
        s[28] = s28;
        s[29] = s29;
        s[30] = s30;
        s[31] = s31;
        for (int k = 0; i < n; i++, k++) {
            s[k] = Math.fma(a[aOffset + i], b[i], s[k]);
        }
        return LassoKernels.sumTree(s);
    }

    @Override
    public void axpy(double alpha, double[] x, int xOffset, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = Math.fma(alpha, x[xOffset + i], y[i]);
        }
    }

    @Override
    public String route() {
        return "scalar";
    }
}
