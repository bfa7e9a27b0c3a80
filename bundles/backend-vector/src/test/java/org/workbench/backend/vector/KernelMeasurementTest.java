package org.workbench.backend.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.workbench.backend.vector.cache.KernelChoice;

/**
 * {@code kernels --measure}'s choices: the kernel chosen for most classes replaces a class's fastest
 * where it is within 5% (fewer kernels for a run's JIT to compile), and never where it is slower; it
 * needs a JVM with C2.
 */
class KernelMeasurementTest {
    private static KernelChoice choice(String plan, Map<String, Double> micros) {
        return new KernelChoice(plan, micros, "256x256x784", "2026-12-07T13:00:00Z");
    }

    @Test
    void theMostChosenKernelReplacesAClassesFastestWithinFivePercent() {
        Map<String, KernelChoice> measured = Map.of(
                "ab^T 256x256x1024 on 2 threads", choice("512b-12x2-t1", Map.of("512b-12x2-t1", 100.0, "512b-8x3-t1", 120.0)),
                "a^Tb 256x1024x256 on 2 threads", choice("512b-12x2-t1", Map.of("512b-12x2-t1", 90.0, "512b-6x4-t1", 95.0)),
                "ab 256x256x16 on 2 threads", choice("512b-6x4-t1", Map.of("512b-6x4-t1", 10.0, "512b-12x2-t1", 10.4)),
                "ab^T 256x16x256 on 2 threads", choice("512b-8x3-t1", Map.of("512b-8x3-t1", 50.0, "512b-12x2-t1", 60.0)),
                "ab^T 1024x16x256 on 2 threads", choice("512b-12x2-t2", Map.of()));
        Map<String, KernelChoice> fewer = KernelMeasurement.fewerKernels(measured);
        assertEquals("512b-12x2-t1", fewer.get("ab 256x256x16 on 2 threads").plan(), "4% slower: the same kernel as the others");
        assertEquals("512b-8x3-t1", fewer.get("ab^T 256x16x256 on 2 threads").plan(), "20% slower: the fastest stays");
        assertEquals("512b-12x2-t1", fewer.get("ab^T 256x256x1024 on 2 threads").plan());
        assertEquals("512b-12x2-t2", fewer.get("ab^T 1024x16x256 on 2 threads").plan(), "not measured: left as it is");
        assertEquals(measured.get("ab 256x256x16 on 2 threads").micros(), fewer.get("ab 256x256x16 on 2 threads").micros(),
                "the timings are kept");
    }

    @Test
    void measuringNeedsC2() {
        assertTrue(KernelWarmUp.hasC2(List.of("-Xmx1g", "-XX:TieredStopAtLevel=4")));
        assertFalse(KernelWarmUp.hasC2(List.of("-XX:TieredStopAtLevel=1")));
        assertFalse(KernelWarmUp.hasC2(List.of("-Xint")));
    }
}
