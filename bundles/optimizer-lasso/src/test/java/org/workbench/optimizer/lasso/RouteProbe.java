package org.workbench.optimizer.lasso;

import java.util.SplittableRandom;

/** Run by {@link KernelsTest} in a JVM without jdk.incubator.vector: prints the route taken and the bits of a dot product on it. */
final class RouteProbe {
    private RouteProbe() {
    }

    public static void main(String[] args) {
        LassoKernels kernels = KernelChoice.FASTEST.forRows(1000);
        System.out.println(KernelChoice.FASTEST.describe() + " " + Double.doubleToRawLongBits(dot(kernels)));
    }

    /** A dot product of 1000 fixed pseudo-random numbers on {@code kernels}. */
    static double dot(LassoKernels kernels) {
        SplittableRandom random = new SplittableRandom(3);
        double[] a = new double[1000];
        double[] b = new double[1000];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextGaussian();
            b[i] = random.nextGaussian();
        }
        return kernels.dot(a, 0, b, a.length);
    }
}
