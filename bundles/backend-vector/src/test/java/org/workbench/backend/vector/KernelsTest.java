package org.workbench.backend.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.backend.vector.cache.KernelCache;
import org.workbench.backend.vector.cache.KernelChoice;
import org.workbench.backend.vector.cache.RunChoice;

/**
 * The planner's bookkeeping, with timings given by the test: under {@code measure} the first product of a
 * shape class times the candidates and remembers them per machine in the cache file; a later backend (a
 * later run) runs the set of plans chosen on a run's products ({@link RunChoice}), never a class's fastest
 * alone, and times nothing; a run never times a class not measured yet (it runs the built-in plan and
 * notes the class for {@code kernels --measure}); a corrupt file is ignored with a warning and rewritten;
 * a pinned plan is used as is; the setting is in the backend's description and the choices with their
 * timings in its details (the run's record).
 */
class KernelsTest {
    private static final String MACHINE = "Test CPU (x 1/2/3), 512-bit vectors, JDK 17";

    @TempDir
    Path folder;

    /** Timings that make {@code winner} fastest, counting the calls. */
    private static Kernels.Timing favouring(String winner, AtomicInteger calls) {
        return (gemm, candidates, a, transA, b, transB, c, m, n, k) -> {
            calls.incrementAndGet();
            Map<KernelPlan, Double> out = new LinkedHashMap<>();
            for (KernelPlan plan : candidates) {
                out.put(plan, plan.id().equals(winner) ? 100.0 : 200.0 + out.size());
            }
            return out;
        };
    }

    private KernelCache cache(PrintStream warnings) {
        return new KernelCache(folder.resolve("workbench").resolve("kernels.json"), warnings);
    }

    private static KernelPlan plan(Kernels kernels, int m, int n, int k) {
        FloatGemm gemm = new FloatGemm(new Workers(2));
        return kernels.plan(gemm, new float[m * k], false, new float[k * n], true, new float[m * n], m, n, k);
    }

    @Test
    void measuringTimesEachShapeClassOnceAndALaterRunReadsTheChoice() throws IOException {
        Class<?> builtIn = KernelPlan.fallback(2, Long.MAX_VALUE).kernel().getClass();
        String winner = KernelPlan.candidates(2).stream().filter(p -> p.kernel().getClass() != builtIn).findFirst().orElseThrow().id();
        AtomicInteger calls = new AtomicInteger();
        Kernels first = new Kernels("measure", 2, cache(System.err), MACHINE, favouring(winner, calls));
        assertEquals(winner, plan(first, 64, 80, 70).id());
        assertEquals(winner, plan(first, 60, 70, 80).id(), "the same shape class: no new measurement");
        assertEquals(1, calls.get());
        assertTrue(first.classesMeasured().contains("ab^T 64x128x128 on 2 threads " + winner + " (measured alone now in "),
                first.classesMeasured());
        assertEquals("kernels measure", first.describe());

        Map<String, KernelChoice> remembered = cache(System.err).read(MACHINE);
        assertEquals(winner, remembered.get("ab^T 64x128x128 on 2 threads").plan());
        assertEquals(KernelPlan.candidates(2).size(), remembered.get("ab^T 64x128x128 on 2 threads").micros().size());
        try (var files = Files.list(folder.resolve("workbench"))) {
            assertEquals(List.of("kernels.json"), files.map(p -> p.getFileName().toString()).toList(),
                    "written through a temporary file moved into place");
        }

        // a class's fastest alone is not what a run uses: without a set chosen on a run's products, the built-in plan
        AtomicInteger later = new AtomicInteger();
        Kernels unchosen = new Kernels("auto", 2, cache(System.err), MACHINE, favouring("none", later));
        assertEquals(KernelPlan.fallback(2, 64 * 80 * 70).id(), plan(unchosen, 64, 80, 70).id());
        assertTrue(unchosen.classesMeasured().contains("(built in, not measured here yet)"), unchosen.classesMeasured());

        cache(System.err).putRun(MACHINE, 2, run(winner, Map.of("ab^T 64x128x128 on 2 threads", winner)));
        Kernels next = new Kernels("auto", 2, cache(System.err), MACHINE, favouring("none", later));
        assertEquals(List.of(KernelPlan.parse(winner, 2).kernel().getClass(), builtIn),
                next.kernelsToCompile().stream().map(Object::getClass).toList(),
                "the warm-up compiles the chosen set's kernel, and the built-in one for the small products");
        assertEquals(winner, plan(next, 64, 80, 70).id());
        assertEquals(0, later.get(), "a later run pays nothing");
        assertTrue(next.classesMeasured().startsWith("ab^T 64x128x128 on 2 threads " + winner + " (set '" + winner
                + "', chosen on a run's products "), next.classesMeasured());
        assertEquals("kernels auto", next.describe(), "the record's backend names the setting only");

        AtomicInteger again = new AtomicInteger();
        plan(new Kernels("measure", 2, cache(System.err), MACHINE, favouring(winner, again)), 64, 80, 70);
        assertEquals(1, again.get(), "measure times a remembered class again");
    }

    /** A run choice of the set named {@code chosen} (a one-kernel set of {@code plans}) against the built-in set. */
    private static RunChoice run(String chosen, Map<String, String> plans) {
        return new RunChoice(chosen, "2026-12-07T16:00:00Z", RunChooser.MARGIN, List.of(
                new RunChoice.Candidate(chosen, plans, List.of(chosen.substring(0, chosen.lastIndexOf("-t"))), 250, 400, 2900),
                new RunChoice.Candidate(RunChoice.BUILT_IN, Map.of(), List.of("512b-12x2"), 300, 400, 3400)));
    }

    @Test
    void aMachineWhoseMeasurementKeptTheBuiltInSetRunsTheBuiltInPlanWhateverAClassWonAlone() throws IOException {
        String winner = KernelPlan.candidates(2).get(1).id();
        plan(new Kernels("measure", 2, cache(System.err), MACHINE, favouring(winner, new AtomicInteger())), 64, 80, 70);
        RunChoice kept = new RunChoice(RunChoice.BUILT_IN, "2026-12-07T16:00:00Z", RunChooser.MARGIN, List.of(
                new RunChoice.Candidate(RunChoice.BUILT_IN, Map.of(), List.of("512b-12x2"), 300, 400, 3400),
                new RunChoice.Candidate("fastest per class", Map.of("ab^T 64x128x128 on 2 threads", winner), List.of("a", "b"), 290,
                        1200, 4100)));
        cache(System.err).putRun(MACHINE, 2, kept);
        Kernels run = new Kernels("auto", 2, cache(System.err), MACHINE, favouring("none", new AtomicInteger()));
        assertEquals(KernelPlan.fallback(2, 64 * 80 * 70).id(), plan(run, 64, 80, 70).id());
        assertEquals(List.of(KernelPlan.fallback(2, Long.MAX_VALUE).kernel().getClass()),
                run.kernelsToCompile().stream().map(Object::getClass).toList(), "the built-in kernel only");
        assertTrue(run.classesMeasured().contains("(built in, kept by the measurement on a run's products 2026-12-07T16:00:00Z)"),
                run.classesMeasured());
        org.workbench.api.ResultTree details = run.details();
        org.workbench.api.ResultTree chosen = (org.workbench.api.ResultTree) details.get("run");
        assertEquals(RunChoice.BUILT_IN, chosen.get("chosen"));
        List<?> sets = (List<?>) chosen.get("candidates");
        assertEquals(List.of(RunChoice.BUILT_IN, "fastest per class"),
                sets.stream().map(t -> ((org.workbench.api.ResultTree) t).get("set")).toList());
        assertEquals(4100.0, ((org.workbench.api.ResultTree) sets.get(1)).get("runMillis"));
        String text = cache(System.err).text();
        assertTrue(text.contains("a run on 2 threads: built-in (measured on problem 4's products in training order"), text);
        assertTrue(text.contains("* built-in") && text.contains("1.206x"), text);
        assertTrue(cache(System.err).json().contains("\"chosen\": \"built-in\""), cache(System.err).json());
    }

    @Test
    void aRunNeverMeasuresAClassNotMeasuredYetRunsTheBuiltInPlanAndNotesItForMeasuring() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        Kernels run = new Kernels("auto", 2, cache(System.err), MACHINE, favouring("none", calls));
        assertEquals(List.of(KernelPlan.fallback(2, Long.MAX_VALUE).kernel().getClass()),
                run.kernelsToCompile().stream().map(Object::getClass).toList(), "nothing measured: the built-in kernel only");
        assertEquals(KernelPlan.fallback(2, 64 * 80 * 70).id(), plan(run, 64, 80, 70).id());
        assertEquals(0, calls.get(), "a run times nothing");
        assertTrue(run.classesMeasured().contains("ab^T 64x128x128 on 2 threads " + KernelPlan.fallback(2, 64 * 80 * 70).id()
                + " (built in, not measured here yet)"), run.classesMeasured());
        KernelChoice noted = cache(System.err).read(MACHINE).get("ab^T 64x128x128 on 2 threads");
        assertTrue(noted.micros().isEmpty() && noted.shape().equals("64x80x70"), noted.toString());
        assertTrue(cache(System.err).text().contains("not measured yet (needed 64x80x70"), cache(System.err).text());

        // kernels --measure times problem 4's classes and the one noted, each on a product of its class
        List<int[]> products = KernelMeasurement.products(cache(System.err).read(MACHINE), 2);
        assertEquals(KernelMeasurement.PROBLEM_4.length + 1, products.size());
        assertArrayEquals(new int[] {64, 80, 70, 0, 1}, products.get(products.size() - 1));
        assertEquals(KernelMeasurement.PROBLEM_4.length, KernelMeasurement.products(cache(System.err).read(MACHINE), 1).size(),
                "a class noted for another thread count is not measured for this one");

        Kernels.Timing nothingCompiled = (gemm, candidates, a, transA, b, transB, c, m, n, k) -> {
            calls.incrementAndGet();
            return Map.of();
        };
        Kernels measuring = new Kernels("measure", 2, cache(System.err), MACHINE, nothingCompiled);
        assertEquals(KernelPlan.fallback(2, 64 * 80 * 70).id(), plan(measuring, 64, 80, 70).id());
        assertEquals(1, calls.get());
        assertTrue(measuring.classesMeasured().contains("built in: no candidate was compiled in time"), measuring.classesMeasured());
        assertTrue(cache(System.err).read(MACHINE).get("ab^T 64x128x128 on 2 threads").micros().isEmpty(),
                "still waiting to be measured");
    }

    @Test
    void theDetailsHoldEachClassesPlanSourceAndEveryCandidatesTime() {
        String winner = KernelPlan.candidates(2).get(0).id();
        Kernels kernels = new Kernels("measure", 2, cache(System.err), MACHINE, favouring(winner, new AtomicInteger()));
        assertEquals(List.of(), kernels.details().get("kernels"), "nothing run yet");
        plan(kernels, 64, 80, 70);
        org.workbench.api.ResultTree details = kernels.details();
        assertEquals(MACHINE, details.get("machine"));
        assertEquals("measure", details.get("kernelSetting"));
        List<?> classes = (List<?>) details.get("kernels");
        org.workbench.api.ResultTree forward = (org.workbench.api.ResultTree) classes.get(0);
        assertEquals("ab^T 64x128x128 on 2 threads", forward.get("shapeClass"));
        assertEquals(winner, forward.get("plan"));
        assertTrue(((String) forward.get("source")).startsWith("measured alone now in "), (String) forward.get("source"));
        List<?> candidates = (List<?>) forward.get("candidates");
        assertEquals(KernelPlan.candidates(2).size(), candidates.size());
        assertEquals(winner, ((org.workbench.api.ResultTree) candidates.get(0)).get("plan"), "fastest first");
        assertEquals(100.0, ((org.workbench.api.ResultTree) candidates.get(0)).get("micros"));
    }

    @Test
    void smallProductsRunTheBuiltInPlanUnmeasured() {
        AtomicInteger calls = new AtomicInteger();
        Kernels kernels = new Kernels("auto", 2, cache(System.err), MACHINE, favouring("none", calls));
        assertEquals(KernelPlan.fallback(2, 10 * 10 * 10).id(), plan(kernels, 10, 10, 10).id());
        assertEquals(0, calls.get());
        assertFalse(Files.exists(cache(System.err).file()));
    }

    @Test
    void aCorruptCacheIsIgnoredWithAWarningAndRewritten() throws IOException {
        Path file = cache(System.err).file();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"version\": 1, \"machines\": {\"x\": [tru");
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(warnings, true, StandardCharsets.UTF_8);
        String winner = KernelPlan.candidates(2).get(0).id();
        AtomicInteger calls = new AtomicInteger();
        assertEquals(winner, plan(new Kernels("measure", 2, cache(err), MACHINE, favouring(winner, calls)), 64, 64, 64).id());
        assertEquals(1, calls.get());
        String warning = warnings.toString(StandardCharsets.UTF_8);
        assertTrue(warning.startsWith("warning: ignoring the kernel cache " + file), warning);
        assertEquals(winner, cache(System.err).read(MACHINE).get("ab^T 64x64x64 on 2 threads").plan(), "rewritten whole");
    }

    @Test
    void aPinnedPlanRunsEveryProductAndABadOneNamesTheSetting() {
        AtomicInteger calls = new AtomicInteger();
        Kernels pinned = new Kernels("256b-6x2-t1", 2, cache(System.err), MACHINE, favouring("none", calls));
        assertEquals("256b-6x2-t1", plan(pinned, 64, 64, 64).id());
        assertEquals("256b-6x2-t1", plan(pinned, 3, 3, 3).id());
        assertEquals(0, calls.get());
        assertTrue(pinned.classesMeasured().contains("pinned by WORKBENCH_KERNEL"), pinned.classesMeasured());
        assertEquals("kernels 256b-6x2-t1", pinned.describe());
        Kernels fallback = new Kernels("fallback", 2, cache(System.err), MACHINE, favouring("none", calls));
        assertEquals(KernelPlan.fallback(2, 1L << 30).id(), plan(fallback, 1024, 1024, 1024).id());
        assertEquals(0, calls.get());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Kernels("fastest", 2, cache(System.err), MACHINE));
        assertTrue(e.getMessage().startsWith("environment variable WORKBENCH_KERNEL: unknown kernel 'fastest'"), e.getMessage());
        assertTrue(e.getMessage().contains("'auto'"), e.getMessage());
    }

    @Test
    void theUsersCacheFolderHonoursXdgCacheHome() {
        assertEquals(Path.of("/x/cache/workbench/kernels.json"), KernelCache.userFile("/x/cache", "/home/u"));
        assertEquals(Path.of("/home/u/.cache/workbench/kernels.json"), KernelCache.userFile(null, "/home/u"));
        assertEquals(Path.of("/home/u/.cache/workbench/kernels.json"), KernelCache.userFile("relative", "/home/u"),
                "a relative XDG_CACHE_HOME is ignored, as the XDG spec says");
    }

    @Test
    void resetDeletesTheFileAndTheTextNamesEachChoice() throws IOException {
        KernelCache cache = cache(System.err);
        cache.put(MACHINE, "ab 256x256x256 on 2 threads",
                new KernelChoice("512b-12x2-t2", Map.of("512b-12x2-t2", 500.0, "256b-6x2-t1", 900.0), "256x256x256", "2026-12-07T11:00:00Z"));
        String text = cache.text();
        assertTrue(text.contains(MACHINE), text);
        assertTrue(text.contains("ab 256x256x256 on 2 threads") && text.contains("512b-12x2-t2") && text.contains("500.0 us"), text);
        assertTrue(cache.json().contains("\"256b-6x2-t1\": 900.0"), cache.json());
        assertTrue(cache.reset());
        assertFalse(cache.reset());
        assertTrue(cache.read().isEmpty());
    }

    @Test
    void aBackendThatMeasuresGivesTheBitsOfTheBuiltInPlan() {
        // the real planner's rounds, then the product, as VectorBackend runs it
        FloatGemm gemm = new FloatGemm(new Workers(2));
        int m = 64;
        int n = 70;
        int k = 90;
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextDouble(-1, 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) random.nextDouble(-1, 1);
        }
        float[] expected = new float[m * n];
        gemm.multiply(a, false, b, false, expected, m, n, k, KernelPlan.fallback(2, 0));
        // the planner's timing rounds on every candidate, without waiting for C2 (tens of seconds on a loaded machine)
        Kernels kernels = new Kernels("measure", 2, cache(System.err), MACHINE, KernelPlanner::rounds);
        float[] c = new float[m * n];
        KernelPlan plan = kernels.plan(gemm, a, false, b, false, c, m, n, k);
        gemm.multiply(a, false, b, false, c, m, n, k, plan);
        assertArrayEquals(expected, c, plan.id());
        assertTrue(kernels.classesMeasured().contains("ab 64x128x128 on 2 threads " + plan.id()), kernels.classesMeasured());
    }
}
