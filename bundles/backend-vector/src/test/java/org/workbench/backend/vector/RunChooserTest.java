package org.workbench.backend.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.workbench.backend.vector.cache.KernelChoice;
import org.workbench.backend.vector.cache.RunChoice;

/**
 * The choice of the set of plans a run uses, on timings given by the test: the built-in set stays unless
 * another set's whole run (epochs and compiles) is faster by the margin; each distinct kernel a set runs
 * counts its compile; the candidate sets are built from each class's times alone; and the sets' timing
 * runs every set's products on the plans it names.
 */
class RunChooserTest {
    private static RunChoice.Candidate timed(String name, double epochMillis, double compileMillis) {
        return new RunChoice.Candidate(name, Map.of(), List.of(), epochMillis, compileMillis, 10 * epochMillis + compileMillis);
    }

    @Test
    void theBuiltInSetStaysUnlessAnotherIsFasterByTheMargin() {
        // 3% faster over a run: within the margin, the built-in stays
        RunChoice close = RunChooser.choose(List.of(timed("512b-8x3", 291, 400), timed(RunChoice.BUILT_IN, 300, 400)),
                RunChooser.MARGIN, "now");
        assertEquals(RunChoice.BUILT_IN, close.chosen());
        assertEquals("512b-8x3", close.candidates().get(0).name(), "fastest first, chosen or not");
        // 10% faster: chosen
        RunChoice clear = RunChooser.choose(List.of(timed(RunChoice.BUILT_IN, 300, 400), timed("512b-8x3", 266, 400),
                timed("fastest per class", 280, 400)), RunChooser.MARGIN, "now");
        assertEquals("512b-8x3", clear.chosen());
        assertEquals(RunChooser.MARGIN, clear.margin());
        // faster epochs, but three kernels to compile: the whole run is slower, the built-in stays
        RunChoice compiles = RunChooser.choose(List.of(timed(RunChoice.BUILT_IN, 300, 400), timed("fastest per class", 285, 1300)),
                RunChooser.MARGIN, "now");
        assertEquals(RunChoice.BUILT_IN, compiles.chosen());
        // slower: never
        assertEquals(RunChoice.BUILT_IN, RunChooser.choose(List.of(timed(RunChoice.BUILT_IN, 300, 400), timed("256b-6x2", 400, 400)),
                RunChooser.MARGIN, "now").chosen());
        assertThrows(IllegalArgumentException.class, () -> RunChooser.choose(List.of(timed("x", 1, 1)), RunChooser.MARGIN, "now"));
    }

    @Test
    void eachDistinctKernelASetRunsCountsItsCompile() {
        RunSequence sequence = RunSequence.problem4();
        String forward = "ab^T 256x256x1024 on 2 threads";
        PlanSet builtIn = PlanSet.builtIn(2);
        PlanSet mixed = new PlanSet("fastest per class", Map.of(forward, "512b-8x3-t2", "a^Tb 256x1024x256 on 2 threads", "512b-6x4-t1"), 2);
        Map<PlanSet, Double> epochs = new LinkedHashMap<>();
        epochs.put(builtIn, 300.0);
        epochs.put(mixed, 280.0);
        Map<String, Double> compile = Map.of("512b-12x2", 500.0, "512b-8x3", 600.0, "512b-6x4", 700.0);
        List<RunChoice.Candidate> candidates = KernelMeasurement.candidates(epochs, sequence, compile);
        RunChoice.Candidate b = candidates.get(0);
        assertEquals(List.of("512b-12x2"), b.kernels());
        assertEquals(500.0, b.compileMillis());
        assertEquals(10 * 300.0 + 500.0, b.runMillis());
        RunChoice.Candidate m = candidates.get(1);
        // the classes the set names run its kernels; the rest (and the small products) the built-in one
        assertEquals(Set.of("512b-8x3", "512b-6x4", "512b-12x2"), Set.copyOf(m.kernels()));
        assertEquals(1800.0, m.compileMillis());
        assertEquals("512b-8x3-t2", m.plans().get(forward));
        assertEquals(KernelPlan.fallback(2, Long.MAX_VALUE).id().replace("-t2", "-t1"),
                m.plans().get("ab^T 256x16x256 on 2 threads"), "a class the set does not name: the built-in rule (t1 below 2^20)");
        assertEquals(RunChoice.BUILT_IN, RunChooser.choose(candidates, RunChooser.MARGIN, "now").chosen(),
                "20 ms an epoch faster does not pay for two more compiles");
    }

    @Test
    void theFirstCompiledKernelCountsTheMedianOfTheOthers() {
        Map<String, Double> measured = new LinkedHashMap<>();
        measured.put("512b-12x2", 2000.0); // paid for the shared code
        measured.put("512b-8x3", 400.0);
        measured.put("512b-6x4", 600.0);
        measured.put("256b-6x2", 300.0);
        assertEquals(400.0, KernelMeasurement.sharedCostSpread(measured).get("512b-12x2"));
        assertEquals(300.0, KernelMeasurement.sharedCostSpread(measured).get("256b-6x2"));
        assertEquals(Map.of("512b-12x2", 2000.0), KernelMeasurement.sharedCostSpread(Map.of("512b-12x2", 2000.0)));
    }

    @Test
    void theCandidateSetsComeFromEachClasssTimesAlone() {
        Map<String, KernelChoice> classes = new LinkedHashMap<>();
        classes.put("ab^T 256x256x1024 on 2 threads", new KernelChoice("512b-8x3-t2",
                Map.of("512b-8x3-t2", 90.0, "512b-8x3-t1", 150.0, "512b-12x2-t2", 94.0, "512b-12x2-t1", 160.0), "256x256x784", "t"));
        classes.put("a^Tb 256x1024x256 on 2 threads", new KernelChoice("512b-12x2-t1",
                Map.of("512b-8x3-t2", 99.0, "512b-8x3-t1", 101.0, "512b-12x2-t2", 120.0, "512b-12x2-t1", 80.0), "256x784x256", "t"));
        classes.put("ab 256x256x16 on 1 thread", new KernelChoice("256b-6x2-t1", Map.of("256b-6x2-t1", 1.0), "256x256x10", "t"));
        classes.put("ab 64x64x64 on 2 threads", new KernelChoice("512b-12x2-t2", Map.of(), "64x64x64", "t"));
        List<PlanSet> sets = KernelMeasurement.sets(classes, 2, new java.util.LinkedHashSet<>(List.of("512b-12x2", "512b-8x3", "256b-6x2")));
        Map<String, Map<String, String>> byName = new LinkedHashMap<>();
        sets.forEach(s -> byName.put(s.name(), s.plans()));
        assertEquals(List.of(RunChoice.BUILT_IN, "fastest per class", "fewer kernels", "512b-8x3"), List.copyOf(byName.keySet()),
                "256b-6x2 was timed on no class for 2 threads: no set of it; 512b-12x2's equals 'fewer kernels': timed once");
        assertEquals(Map.of(), byName.get(RunChoice.BUILT_IN));
        assertEquals(Map.of("ab^T 256x256x1024 on 2 threads", "512b-8x3-t2", "a^Tb 256x1024x256 on 2 threads", "512b-12x2-t1"),
                byName.get("fastest per class"), "a class of another thread count, or not timed, is left out");
        assertEquals(Map.of("ab^T 256x256x1024 on 2 threads", "512b-12x2-t2", "a^Tb 256x1024x256 on 2 threads", "512b-12x2-t1"),
                byName.get("fewer kernels"), "94 is within 5% of 90: the kernel of most classes, on one thread or two, whichever was faster");
        assertEquals(Map.of("ab^T 256x256x1024 on 2 threads", "512b-8x3-t2", "a^Tb 256x1024x256 on 2 threads", "512b-8x3-t1"),
                byName.get("512b-8x3"), "99 x 1.05 is not under 101");
    }

    @Test
    void timingASequenceRunsEverySetsProductsAndGivesTheirBits() {
        // a small sequence (uncompiled kernels are slow): two segments, the second five times an epoch
        RunSequence sequence = new RunSequence(List.of(
                new RunSequence.Segment("step", List.of(new RunSequence.Product(false, true, 64, 80, 70),
                        new RunSequence.Product(true, false, 80, 70, 64)), 1, 2),
                new RunSequence.Segment("test", List.of(new RunSequence.Product(false, false, 70, 64, 80)), 5, 1)), 3);
        FloatGemm gemm = new FloatGemm(new Workers(2));
        RunMeasurement measurement = new RunMeasurement(sequence, gemm);
        PlanSet builtIn = PlanSet.builtIn(2);
        PlanSet other = new PlanSet("256b-4x3", Map.of("ab^T 64x128x128 on 2 threads", "256b-4x3-t2",
                "a^Tb 128x128x64 on 2 threads", "256b-4x3-t1", "ab 128x64x128 on 2 threads", "256b-4x3-t2"), 2);
        Map<PlanSet, Double> epochs = measurement.epochMillis(List.of(builtIn, other));
        assertEquals(List.of(builtIn, other), List.copyOf(epochs.keySet()));
        epochs.values().forEach(t -> assertTrue(t > 0 && Double.isFinite(t), epochs.toString()));
        assertEquals("256b-4x3-t2", other.plan(sequence.segments().get(0).products().get(0)).id());
        assertEquals(Set.of("256b-4x3"), other.kernels(sequence));
        // the same products under either set: the same bits (one in-order chain of fused multiply-adds per element)
        for (RunSequence.Segment segment : sequence.segments()) {
            for (RunSequence.Product p : segment.products()) {
                java.util.SplittableRandom random = new java.util.SplittableRandom(p.m() * 7L + p.k());
                float[] a = new float[p.m() * p.k()];
                float[] b = new float[p.k() * p.n()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = (float) random.nextDouble(-1, 1);
                }
                for (int i = 0; i < b.length; i++) {
                    b[i] = (float) random.nextDouble(-1, 1);
                }
                float[] expected = new float[p.m() * p.n()];
                float[] actual = new float[p.m() * p.n()];
                gemm.multiply(a, p.transA(), b, p.transB(), expected, p.m(), p.n(), p.k(), builtIn.plan(p));
                gemm.multiply(a, p.transA(), b, p.transB(), actual, p.m(), p.n(), p.k(), other.plan(p));
                assertArrayEquals(expected, actual, p.toString());
            }
        }
    }
}
