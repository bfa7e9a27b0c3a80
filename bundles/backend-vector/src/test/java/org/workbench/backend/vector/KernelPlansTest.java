package org.workbench.backend.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Every plan (each micro-kernel of either width on one and two threads, the pinnable ones included)
 * computes the same in-order fused chain per element, so all give the same bits, on shapes with every
 * kind of edge; and each is within a stated tolerance of the exact product (computed in double).
 */
class KernelPlansTest {
    /** m, n, k: one element, tiles cut by every edge, a last row panel of few rows, a wide and a tall one. */
    private static final int[][] SHAPES = {{1, 1, 1}, {13, 33, 29}, {25, 47, 100}, {7, 65, 259}, {40, 10, 256},
        {37, 129, 64}, {300, 3, 70}};
    /** Unit roundoff of float. */
    private static final double U = 0x1p-24;

    private static List<KernelPlan> everyPlan() {
        List<KernelPlan> plans = new ArrayList<>();
        for (String id : KernelPlan.ids()) {
            plans.add(KernelPlan.parse(id + "-t1", 2));
            plans.add(KernelPlan.parse(id + "-t2", 2));
        }
        return plans;
    }

    private static float[] random(int size, SplittableRandom random) {
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) random.nextDouble(-1, 1);
        }
        return out;
    }

    @Test
    void everyPlanGivesTheSameBitsInEveryForm() {
        FloatGemm gemm = new FloatGemm(new Workers(2));
        List<KernelPlan> plans = everyPlan();
        assertEquals(16, plans.size());
        for (int[] s : SHAPES) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            SplittableRandom random = new SplittableRandom(m * 131L + n * 17L + k);
            float[] a = random(m * k, random);
            float[] b = random(k * n, random);
            for (int form = 0; form < 3; form++) {
                boolean transA = form == 1;
                boolean transB = form == 2;
                float[] expected = new float[m * n];
                gemm.multiply(a, transA, b, transB, expected, m, n, k, plans.get(0));
                for (KernelPlan plan : plans) {
                    float[] c = new float[m * n + 5];
                    c[m * n] = 42f;
                    gemm.multiply(a, transA, b, transB, c, m, n, k, plan);
                    String what = plan.id() + " on " + m + "x" + k + " by " + k + "x" + n + " form " + form;
                    assertArrayEquals(expected, java.util.Arrays.copyOf(c, m * n), what);
                    assertEquals(42f, c[m * n], what + ": nothing written past C");
                }
            }
        }
    }

    /**
     * Tolerance: |c - exact| at most k u sum_l |a_il b_lj| + a denormal's worth, the classical bound of
     * a length-k dot product in float (u = 2^-24), against the product summed exactly enough in double.
     */
    @Test
    void everyPlanIsWithinTheStatedToleranceOfTheDoubleProduct() {
        FloatGemm gemm = new FloatGemm(new Workers(2));
        int m = 29;
        int n = 70;
        int k = 300;
        SplittableRandom random = new SplittableRandom(300);
        float[] a = random(m * k, random);
        float[] b = random(k * n, random);
        for (KernelPlan plan : everyPlan()) {
            float[] c = new float[m * n];
            gemm.multiply(a, false, b, false, c, m, n, k, plan);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double exact = 0;
                    double scale = 0;
                    for (int l = 0; l < k; l++) {
                        double t = (double) a[i * k + l] * b[l * n + j];
                        exact += t;
                        scale += Math.abs(t);
                    }
                    assertEquals(exact, c[i * n + j], k * U * scale + 1e-30, plan.id() + " at (" + i + ", " + j + ")");
                }
            }
        }
    }

    @Test
    void aPlanIsNamedByWidthTileAndThreads() {
        KernelPlan plan = KernelPlan.parse("512b-8x3-t2", 2);
        assertEquals(512, plan.kernel().bits());
        assertEquals(8, plan.kernel().rows());
        assertEquals(48, plan.kernel().columns());
        assertEquals("512b-8x3-t2", plan.id());
        assertEquals("512b-8x3-t1", KernelPlan.parse("512B-8x3-t4", 1).id(), "threads capped at the backend's");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelPlan.parse("512b-9x9-t1", 2));
        assertTrue(e.getMessage().contains("512b-12x2"), e.getMessage());
    }

    @Test
    void candidatesAreTheKernelsThisCpuRunsAtFullWidthOnOneAndAllThreads() {
        List<KernelPlan> candidates = KernelPlan.candidates(2);
        assertEquals(2 * KernelPlan.kernels().size(), candidates.size());
        for (KernelPlan plan : candidates) {
            assertTrue(plan.kernel().bits() <= KernelPlan.PREFERRED_BITS, plan.id());
        }
        assertTrue(KernelPlan.candidates(1).stream().allMatch(p -> p.threads() == 1));
    }

    @Test
    void shapesAreClassedByFormAndPowersOfTwo() {
        assertEquals("ab^T 256x256x1024", ShapeClass.of(false, true, 256, 256, 784).key());
        assertEquals("a^Tb 256x1024x256", ShapeClass.of(true, false, 256, 784, 256).key());
        assertEquals("ab 1x16x1", ShapeClass.of(false, false, 1, 10, 1).key());
    }
}
