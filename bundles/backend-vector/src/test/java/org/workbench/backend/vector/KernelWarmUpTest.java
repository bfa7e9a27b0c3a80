package org.workbench.backend.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.workbench.api.nn.Matrix;
import org.workbench.api.nn.Precision;

/**
 * The kernels' JIT warm-up changes no number (a product beside it has the bits of one without
 * it), ends at the backend's first product, and starts only where C2 and a second core exist.
 */
class KernelWarmUpTest {
    private static Matrix random(int rows, int columns, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix m = Matrix.zeros(Precision.FLOAT, rows, columns);
        for (int i = 0; i < rows * columns; i++) {
            m.floats()[i] = (float) random.nextDouble(-1, 1);
        }
        return m;
    }

    @Test
    void aProductBesideTheWarmUpHasTheBitsOfOneWithout() {
        Matrix a = random(256, 784, 1);
        Matrix b = random(256, 784, 2);
        Matrix alone = Matrix.zeros(Precision.FLOAT, 256, 256);
        new VectorBackend(2, Kernels.fromEnvironment(2), null).multiplyTransB(a, b, alone);
        KernelWarmUp warmUp = KernelWarmUp.start(List.of(KernelPlan.fallback(2, Long.MAX_VALUE).kernel()), KernelWarmUp.MAX_MILLIS);
        try {
            while (warmUp.rounds() < 1) {
                Thread.onSpinWait(); // until it runs: its next rounds overlap the products below
            }
            FloatGemm beside = new FloatGemm(new Workers(2));
            float[] c = new float[256 * 256];
            for (int round = 0; round < 5; round++) {
                beside.multiply(a.floats(), false, b.floats(), true, c, 256, 256, 784);
                assertArrayEquals(alone.floats(), c, "round " + round);
            }
        } finally {
            warmUp.stop();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void theBackendsFirstProductEndsIt() throws InterruptedException {
        // bounded by an hour: only the product can end it within the test's timeout (it waits for the compiles at most 5 s)
        KernelWarmUp warmUp = KernelWarmUp.start(List.of(KernelPlan.fallback(2, Long.MAX_VALUE).kernel()), 3_600_000);
        VectorBackend backend = new VectorBackend(2, Kernels.fromEnvironment(2), warmUp);
        backend.multiply(random(3, 4, 3), random(4, 2, 4), Matrix.zeros(Precision.FLOAT, 3, 2));
        warmUp.join();
    }

    @Test
    void itStartsOnlyWithC2AndASecondCore() {
        assertTrue(KernelWarmUp.worthwhile(2, List.of("-Xmx12g", "--add-modules=jdk.incubator.vector")));
        assertTrue(KernelWarmUp.worthwhile(8, List.of("-XX:TieredStopAtLevel=4")));
        assertFalse(KernelWarmUp.worthwhile(1, List.of()), "one core: the warm-up would take it from the run");
        assertFalse(KernelWarmUp.worthwhile(2, List.of("-XX:TieredStopAtLevel=1")), "the quick JIT alone: no C2");
        assertFalse(KernelWarmUp.worthwhile(2, List.of("-Xint")), "interpreted");
    }
}
