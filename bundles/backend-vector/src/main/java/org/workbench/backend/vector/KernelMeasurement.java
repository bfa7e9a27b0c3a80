package org.workbench.backend.vector;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.workbench.backend.vector.cache.KernelCache;
import org.workbench.backend.vector.cache.KernelChoice;
import org.workbench.backend.vector.cache.RunChoice;

/**
 * {@code ./workbench kernels --measure}, in a JVM of its own, so that runs pay nothing: compiles each
 * candidate kernel, counting its compile's CPU time; times each candidate plan on every shape class this
 * machine needs, alone (problem 4's products, the shipped descriptor's 784-256-10 network in batches of
 * 256, its last batch of 96 rows, the accuracy's chunks of 1024 rows, and every class a run here noted as
 * not measured yet); then builds candidate sets of plans from those times ({@link #sets}), the built-in
 * set among them, times the sets on problem 4's products in training order ({@link RunMeasurement}),
 * estimates each set's whole run with its kernels' compiles, and remembers the set {@link RunChooser}
 * chooses: the built-in unless another is faster by its margin. A run uses that set, never the classes'
 * fastest alone (which lost whole runs on a Zen 5: several kernels' compiles, and slower middle epochs).
 * Public for the engine's {@code kernels} command (through {@link KernelCache#measure}); not exported.
 */
public final class KernelMeasurement {
    /** Problem 4's products of at least {@link Kernels#MEASURED_FROM} multiply-adds: m, n, k, transA, transB. */
    static final int[][] PROBLEM_4 = {
        {256, 256, 784, 0, 1},  // forward X W1^T
        {256, 10, 256, 0, 1},   // forward H W2^T
        {256, 784, 256, 1, 0},  // dW1 = G1^T X
        {10, 256, 256, 1, 0},   // dW2 = G2^T H
        {256, 256, 10, 0, 0},   // dH = G2 W2
        {256, 784, 256, 0, 0},  // G1 W1, the first layer's dX (not needed in training; GemmBenchmark's dX)
        {96, 256, 784, 0, 1},   // the last training batch's forward product
        {256, 784, 96, 1, 0},   // and its dW1
        {1024, 256, 784, 0, 1}, // the accuracy's forward products, in chunks of 1024 rows
        {1024, 10, 256, 0, 1},
    };

    private KernelMeasurement() {
    }

    /**
     * Measures every class for a backend of {@code threads} threads on this machine into {@code cache},
     * saying each choice on {@code out}; the number of classes measured. Fails, saying why, in a JVM
     * whose JIT has no C2 (then no candidate could be compiled to be timed).
     */
    public static int measure(KernelCache cache, int threads, PrintStream out) {
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (!KernelWarmUp.hasC2(jvm)) {
            throw new IllegalStateException("measuring the kernels needs the JIT's C2 compiler, which this JVM runs without ("
                    + String.join(" ", jvm) + "); start it without -XX:TieredStopAtLevel=1 or -Xint");
        }
        String machine = MachineKey.current();
        Map<String, Double> compileMillis = compileEach(out);
        Kernels kernels = new Kernels(Kernels.MEASURE, threads, cache, machine);
        FloatGemm gemm = new FloatGemm(new Workers(threads));
        int measured = 0;
        for (int[] s : products(cache.read(machine), threads)) {
            SplittableRandom random = new SplittableRandom(784);
            int m = s[0];
            int n = s[1];
            int k = s[2];
            float[] a = values(m * k, random);
            float[] b = values(k * n, random);
            float[] c = new float[m * n];
            kernels.plan(gemm, a, s[3] == 1, b, s[4] == 1, c, m, n, k);
            measured++;
        }
        out.println("each shape class alone: " + kernels.classesMeasured());
        RunSequence sequence = RunSequence.problem4();
        List<PlanSet> sets = sets(cache.read(machine), threads, compileMillis.keySet());
        Map<PlanSet, Double> epochs = new RunMeasurement(sequence, gemm).epochMillis(sets);
        RunChoice run = RunChooser.choose(candidates(epochs, sequence, compileMillis), RunChooser.MARGIN, now());
        try {
            cache.putRun(machine, threads, run);
        } catch (java.io.IOException | RuntimeException failed) {
            out.println("warning: could not remember the run's kernels in " + cache.file() + ": " + failed);
        }
        out.println("a run on " + threads + (threads == 1 ? " thread" : " threads") + " uses the set '" + run.chosen()
                + "' (" + run.candidates().size() + " sets timed on problem 4's products in training order; ./workbench kernels shows them)");
        return measured;
    }

    /**
     * Compiles every candidate kernel, the built-in one first, and says how much of the process's CPU each
     * took, in milliseconds, by kernel name ({@code 512b-12x2}); a kernel not compiled in time is left out.
     * The first kernel compiled also pays for the code all kernels share (packing, the vector API's
     * classes), which a run pays whatever it runs: it counts the median of the others, where there are others.
     */
    static Map<String, Double> compileEach(PrintStream out) {
        List<MicroKernel> kernels = new ArrayList<>(KernelPlan.kernels());
        MicroKernel builtIn = KernelPlan.fallback(2, Long.MAX_VALUE).kernel();
        kernels.removeIf(k -> k.getClass() == builtIn.getClass());
        kernels.add(0, builtIn);
        Map<String, Double> millis = new LinkedHashMap<>();
        for (MicroKernel kernel : kernels) {
            long t0 = ProcessCpu.nanos();
            boolean compiled = KernelWarmUp.compile(kernel, () -> false);
            double cpu = (ProcessCpu.nanos() - t0) / 1e6;
            if (compiled) {
                millis.put(name(kernel), cpu);
            } else {
                out.println("kernel " + name(kernel) + " was not compiled by the JIT in time: left out");
            }
        }
        return sharedCostSpread(millis);
    }

    /** {@code millis} with the first kernel's time replaced by the median of the others' (it paid for the shared code). */
    static Map<String, Double> sharedCostSpread(Map<String, Double> millis) {
        if (millis.size() < 2) {
            return millis;
        }
        List<String> names = new ArrayList<>(millis.keySet());
        double[] others = names.subList(1, names.size()).stream().mapToDouble(millis::get).sorted().toArray();
        double median = others.length % 2 == 1 ? others[others.length / 2]
                : (others[others.length / 2 - 1] + others[others.length / 2]) / 2;
        Map<String, Double> out = new LinkedHashMap<>(millis);
        out.put(names.get(0), Math.min(millis.get(names.get(0)), median));
        return out;
    }

    private static String name(MicroKernel kernel) {
        return kernel.bits() + "b-" + kernel.rows() + "x" + kernel.vectors();
    }

    /**
     * The candidate sets for a backend of {@code threads} threads, from each class's candidates timed alone
     * ({@code classes}): the built-in set; each class's fastest plan; those with fewer kernels
     * ({@link #fewerKernels}); and for each compiled kernel, that kernel for every class on one thread or on
     * all, whichever was faster alone. Sets that give every class the same plans are timed once.
     */
    static List<PlanSet> sets(Map<String, KernelChoice> classes, int threads, java.util.Set<String> compiled) {
        String suffix = " on " + threads + (threads == 1 ? " thread" : " threads");
        Map<String, KernelChoice> here = new java.util.TreeMap<>();
        classes.forEach((key, choice) -> {
            if (key.endsWith(suffix) && !choice.micros().isEmpty()) {
                here.put(key, choice);
            }
        });
        List<PlanSet> out = new ArrayList<>();
        out.add(PlanSet.builtIn(threads));
        Map<String, String> fastest = new java.util.TreeMap<>();
        here.forEach((key, choice) -> fastest.put(key, choice.plan()));
        add(out, new PlanSet("fastest per class", fastest, threads));
        Map<String, String> fewer = new java.util.TreeMap<>();
        fewerKernels(here).forEach((key, choice) -> fewer.put(key, choice.plan()));
        add(out, new PlanSet("fewer kernels", fewer, threads));
        for (String kernel : compiled) {
            Map<String, String> plans = new java.util.TreeMap<>();
            here.forEach((key, choice) -> {
                String best = null;
                double score = Double.POSITIVE_INFINITY;
                for (Map.Entry<String, Double> t : choice.micros().entrySet()) {
                    double s = t.getValue() * (t.getKey().endsWith("-t1") ? 1 : KernelPlanner.THREAD_MARGIN);
                    if (kernelOf(t.getKey()).equals(kernel) && s < score) {
                        score = s;
                        best = t.getKey();
                    }
                }
                if (best != null) {
                    plans.put(key, best);
                }
            });
            if (plans.size() == here.size() && !plans.isEmpty()) {
                add(out, new PlanSet(kernel, plans, threads));
            }
        }
        return out;
    }

    /** Adds {@code set} unless a set there already gives every class the same plans, or it names no class. */
    private static void add(List<PlanSet> sets, PlanSet set) {
        if (!set.plans().isEmpty() && sets.stream().noneMatch(s -> s.plans().equals(set.plans()))) {
            sets.add(set);
        }
    }

    /** Each set's estimated run: its epochs' products and the compile of each distinct kernel its products run. */
    static List<RunChoice.Candidate> candidates(Map<PlanSet, Double> epochMillis, RunSequence sequence,
            Map<String, Double> compileMillis) {
        List<RunChoice.Candidate> out = new ArrayList<>();
        epochMillis.forEach((set, epoch) -> {
            List<String> kernels = new ArrayList<>(set.kernels(sequence));
            double compile = kernels.stream().mapToDouble(k -> compileMillis.getOrDefault(k, 0.0)).sum();
            out.add(new RunChoice.Candidate(set.name(), set.plansFor(sequence), kernels, epoch, compile,
                    epoch * sequence.epochs() + compile));
        });
        return out;
    }

    private static String now() {
        return java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /** How much slower than a class's fastest plan a plan of the machine's most chosen kernel may be, and still be chosen. */
    static final double SAME_KERNEL_MARGIN = 1.05;

    /**
     * The choices with fewer distinct micro-kernels: where the kernel chosen for the most classes has a plan
     * within {@link #SAME_KERNEL_MARGIN} of a class's fastest, that plan (a run's first epoch waits for C2
     * to compile each distinct kernel it runs: about a second of a core each). Classes without timings are
     * left as they are.
     */
    static Map<String, KernelChoice> fewerKernels(Map<String, KernelChoice> choices) {
        Map<String, Integer> uses = new java.util.TreeMap<>();
        for (KernelChoice choice : choices.values()) {
            if (!choice.micros().isEmpty()) {
                uses.merge(kernelOf(choice.plan()), 1, Integer::sum);
            }
        }
        Map<String, KernelChoice> out = new LinkedHashMap<>(choices);
        if (uses.isEmpty()) {
            return out;
        }
        String most = java.util.Collections.max(uses.entrySet(), Map.Entry.comparingByValue()).getKey();
        choices.forEach((key, choice) -> {
            if (choice.micros().isEmpty() || kernelOf(choice.plan()).equals(most)) {
                return;
            }
            double best = choice.chosenMicros();
            String bestOfMost = null;
            double time = Double.POSITIVE_INFINITY;
            for (Map.Entry<String, Double> t : choice.micros().entrySet()) {
                // the same rule as the planner's: a plan on several threads carries the thread margin
                double score = t.getValue() * (t.getKey().endsWith("-t1") ? 1 : KernelPlanner.THREAD_MARGIN);
                if (kernelOf(t.getKey()).equals(most) && score < time) {
                    time = score;
                    bestOfMost = t.getKey();
                }
            }
            double bestScore = best * (choice.plan().endsWith("-t1") ? 1 : KernelPlanner.THREAD_MARGIN);
            if (bestOfMost != null && time <= bestScore * SAME_KERNEL_MARGIN) {
                out.put(key, new KernelChoice(bestOfMost, choice.micros(), choice.shape(), choice.measuredAt()));
            }
        });
        return out;
    }

    /** The kernel of a plan's name, without its threads: {@code 512b-12x2} of {@code 512b-12x2-t2}. */
    private static String kernelOf(String plan) {
        int t = plan.lastIndexOf("-t");
        return t < 0 ? plan : plan.substring(0, t);
    }

    /** The products to time, one a class: problem 4's, then each class noted in {@code remembered} for {@code threads}. */
    static List<int[]> products(Map<String, KernelChoice> remembered, int threads) {
        Map<String, int[]> byClass = new LinkedHashMap<>();
        for (int[] s : PROBLEM_4) {
            byClass.putIfAbsent(Kernels.key(ShapeClass.of(s[3] == 1, s[4] == 1, s[0], s[1], s[2]), threads), s);
        }
        for (Map.Entry<String, KernelChoice> e : remembered.entrySet()) {
            String key = e.getKey();
            String[] size = e.getValue().shape().split("x");
            if (size.length != 3) {
                continue;
            }
            boolean transA = key.startsWith("a^T");
            boolean transB = key.startsWith("b^T", key.indexOf('b'));
            try {
                int[] s = {Integer.parseInt(size[0]), Integer.parseInt(size[1]), Integer.parseInt(size[2]), transA ? 1 : 0,
                    transB ? 1 : 0};
                if (Kernels.key(ShapeClass.of(transA, transB, s[0], s[1], s[2]), threads).equals(key)) {
                    byClass.putIfAbsent(key, s);
                }
            } catch (NumberFormatException notAShape) {
                // a hand-edited entry: left as it is
            }
        }
        return new ArrayList<>(byClass.values());
    }

    private static float[] values(int size, SplittableRandom random) {
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) random.nextDouble(-1, 1);
        }
        return out;
    }
}
